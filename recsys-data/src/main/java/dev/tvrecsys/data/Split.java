package dev.tvrecsys.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Sample indices divided into training, validation and test parts.
 *
 * @param train indices of training samples
 * @param validation indices of validation samples
 * @param test indices of test samples
 */
public record Split(int[] train, int[] validation, int[] test) {

    /** Seed of the reference split. */
    public static final long REFERENCE_SEED = 42L;

    /**
     * Shuffles {@code 0..size-1} with {@code seed} and cuts it into the given fractions; the test
     * part gets the rest. The reference split is {@code random(n, 0.7, 0.1, 42)}.
     *
     * @param size number of samples
     * @param trainFraction share of training samples, in (0, 1)
     * @param validationFraction share of validation samples, in [0, 1 - trainFraction)
     * @param seed shuffle seed
     * @return the split; each part is sorted ascending
     * @throws IllegalArgumentException if a fraction is out of range
     */
    public static Split random(
            int size, double trainFraction, double validationFraction, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, found " + size);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException(
                    "trainFraction must be in (0, 1), found " + trainFraction);
        }
        if (!(validationFraction >= 0 && trainFraction + validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validationFraction must be in [0, 1 - trainFraction), found "
                            + validationFraction);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int trainSize = (int) Math.floor(size * trainFraction);
        int validationSize = (int) Math.floor(size * validationFraction);
        int[] train = Arrays.copyOfRange(order, 0, trainSize);
        int[] validation = Arrays.copyOfRange(order, trainSize, trainSize + validationSize);
        int[] test = Arrays.copyOfRange(order, trainSize + validationSize, size);
        Arrays.sort(train);
        Arrays.sort(validation);
        Arrays.sort(test);
        return new Split(train, validation, test);
    }

    /** Returns the reference 70/10/20 split with seed 42. */
    public static Split reference(int size) {
        return random(size, 0.7, 0.1, REFERENCE_SEED);
    }
}
