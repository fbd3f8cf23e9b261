package dev.tvrecsys.data.protocol;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.Split;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import java.util.Locale;
import java.util.Objects;

/**
 * The reference protocol: windows from {@link Windowing}, shuffled with a seed and cut into
 * training, validation and test fractions by {@link Split#random}.
 *
 * <p>Samples are assigned at random regardless of time, so a viewer's test target can be older than
 * its training targets and a test input window can contain events that are training targets.
 * Results under this protocol are comparable with the reference implementation but are optimistic.
 */
public final class RandomWindowProtocol implements EvaluationProtocol {

    private final Windowing windowing;
    private final double trainFraction;
    private final double validationFraction;
    private final long seed;

    /**
     * Creates the protocol.
     *
     * @param windowing how samples are cut from the histories
     * @param trainFraction share of training samples, in (0, 1)
     * @param validationFraction share of validation samples, in [0, 1 - trainFraction)
     * @param seed shuffle seed
     * @throws IllegalArgumentException if a fraction is out of range
     */
    public RandomWindowProtocol(
            Windowing windowing, double trainFraction, double validationFraction, long seed) {
        this.windowing = Objects.requireNonNull(windowing, "windowing");
        // Split.random checks the fractions; an empty split does so here, at construction time.
        Split.random(0, trainFraction, validationFraction, seed);
        this.trainFraction = trainFraction;
        this.validationFraction = validationFraction;
        this.seed = seed;
    }

    /**
     * Returns the reference protocol: {@link Windowing#reference()} and a 70/10/20 split with seed
     * {@link Split#REFERENCE_SEED}.
     *
     * @return the protocol
     */
    public static RandomWindowProtocol reference() {
        return new RandomWindowProtocol(Windowing.reference(), 0.7, 0.1, Split.REFERENCE_SEED);
    }

    @Override
    public String name() {
        return "random-window";
    }

    @Override
    public ProtocolSplit split(
            ViewerHistories histories, IdVocabulary shows, AssetTypeVocabulary assets) {
        SampleSet samples = windowing.samples(histories, shows, assets);
        Split split = Split.random(samples.size(), trainFraction, validationFraction, seed);
        String description =
                String.format(
                        Locale.ROOT,
                        "windows of %d, stride %d, newest segment %s; samples shuffled with seed"
                                + " %d into %.2f train, %.2f validation and the rest test,"
                                + " regardless of time",
                        windowing.windowLength(),
                        windowing.stride(),
                        windowing.reserveNewest() ? "reserved" : "used",
                        seed,
                        trainFraction,
                        validationFraction);
        return new ProtocolSplit(
                name(),
                description,
                samples.subset(split.train()),
                samples.subset(split.validation()),
                samples.subset(split.test()));
    }
}
