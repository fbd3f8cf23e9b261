package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import java.util.Arrays;

/**
 * The distinct shows of one input window with a recency weight each, in buffers reused from window
 * to window. Padding and {@link IdVocabulary#UNKNOWN} are skipped. Not thread-safe.
 */
final class WindowShows {

    private final int showCount;
    private final boolean[] seen;
    private final float[] weights;
    private int[] shows = new int[16];
    private int count;

    WindowShows(int showCount) {
        this.showCount = showCount;
        this.seen = new boolean[showCount];
        this.weights = new float[showCount];
    }

    /**
     * Loads window {@code i}, giving each distinct show the weight {@code decay^age} of its newest
     * occurrence, where the last step has age 0.
     *
     * @throws IllegalArgumentException if a window show is outside {@code [0, showCount)}
     */
    void loadWithDecay(SampleSet samples, int i, float decay) {
        clear();
        int windowLength = samples.windowLength();
        for (int step = windowLength - 1; step >= 0; step--) {
            int show = checkedShow(samples, i, step, showCount);
            if (show >= IdVocabulary.RESERVED && !seen[show]) {
                add(show, (float) Math.pow(decay, windowLength - 1 - step));
            }
        }
    }

    /**
     * Loads window {@code i}, giving each distinct show the weight {@code j / L} of its newest
     * occurrence, where L is the number of non-padding steps and j counts them from 1 at the oldest
     * to L at the newest.
     *
     * @throws IllegalArgumentException if a window show is outside {@code [0, showCount)}
     */
    void loadWithLinearPosition(SampleSet samples, int i) {
        clear();
        int length = samples.historyLength(i);
        int windowLength = samples.windowLength();
        for (int step = windowLength - 1; step >= windowLength - length; step--) {
            int show = checkedShow(samples, i, step, showCount);
            int position = step - (windowLength - length) + 1;
            if (show >= IdVocabulary.RESERVED && !seen[show]) {
                add(show, position / (float) length);
            }
        }
    }

    /** Returns the number of distinct shows loaded. */
    int count() {
        return count;
    }

    /** Returns the {@code j}-th distinct show, newest first. */
    int show(int j) {
        return shows[j];
    }

    /** Returns the weight of {@code show}, 0 if it is not in the window. */
    float weight(int show) {
        return weights[show];
    }

    private void add(int show, float weight) {
        if (count == shows.length) {
            shows = Arrays.copyOf(shows, count * 2);
        }
        seen[show] = true;
        weights[show] = weight;
        shows[count++] = show;
    }

    private void clear() {
        for (int j = 0; j < count; j++) {
            seen[shows[j]] = false;
            weights[shows[j]] = 0;
        }
        count = 0;
    }

    /** Returns the show at one step after checking it against the recommender's show count. */
    static int checkedShow(SampleSet samples, int i, int step, int showCount) {
        int show = samples.show(i, step);
        if (show < 0 || show >= showCount) {
            throw new IllegalArgumentException(
                    "sample "
                            + i
                            + " has window show "
                            + show
                            + " at step "
                            + step
                            + ", outside the "
                            + showCount
                            + " show indices this recommender was fitted on");
        }
        return show;
    }
}
