package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import java.util.Arrays;

/**
 * Baseline that ranks shows by how often they occur in the training samples, the same for every
 * viewer.
 *
 * <p>By default it counts each show as a target, which matches the reference most-popular baseline.
 * How much of the training histories that covers depends on the windowing. With {@code
 * Windowing.everyPrefix} every event after a viewer's first is a target once, so target counts are
 * play counts. With {@code Windowing.reference()} only every 21st event is a target, and counting
 * input window events as well counts each remaining event once, because those windows do not
 * overlap. With overlapping windows the option counts one event up to {@code windowLength} times.
 * Padding is never counted. Equal counts rank the lower index first through {@link TopK}.
 *
 * <p>NOTE: scores are floats, so counts above 2^24 lose their last digits and may tie.
 */
public final class MostPopularRecommender implements Recommender {

    private final String name;
    private final float[] popularity;

    private MostPopularRecommender(String name, float[] popularity) {
        this.name = name;
        this.popularity = popularity;
    }

    /**
     * Fits the baseline on target counts.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    public static MostPopularRecommender fit(SampleSet train, int showCount) {
        return fit(train, showCount, false);
    }

    /**
     * Fits the baseline on target counts and, if requested, input window events.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @param includeWindowEvents whether non-padding input window steps count too
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    public static MostPopularRecommender fit(
            SampleSet train, int showCount, boolean includeWindowEvents) {
        int[] counts = countTargets(train, showCount);
        if (includeWindowEvents) {
            int[] shows = train.shows();
            for (int position = 0; position < shows.length; position++) {
                int show = requireShow(shows[position], showCount, position / train.windowLength());
                if (show != IdVocabulary.PADDING) {
                    counts[show]++;
                }
            }
        }
        return new MostPopularRecommender("most-popular", toFloats(counts));
    }

    /**
     * Fits the baseline on the target counts of the most recent training samples only, so that it
     * follows shifts in what is watched.
     *
     * <p>Let {@code n} be the number of training samples and {@code r = ceil(recentFraction * n)}.
     * The samples counted are those whose {@link SampleSet#targetTime(int)} is at least the target
     * time of the {@code r}-th newest sample, so every sample that ties with it is counted too.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @param recentFraction share of the newest samples to count, in (0, 1]
     * @return the fitted baseline, named {@code most-popular-recent}
     * @throws IllegalArgumentException if {@code recentFraction} is out of range, a sample has no
     *     target, or a target is outside {@code [0, showCount)}
     */
    public static MostPopularRecommender fitRecent(
            SampleSet train, int showCount, double recentFraction) {
        if (!(recentFraction > 0 && recentFraction <= 1)) {
            throw new IllegalArgumentException(
                    "recentFraction must be in (0, 1], found " + recentFraction);
        }
        int[] counts = countTargets(train, showCount);
        int n = train.size();
        if (n > 0) {
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = train.targetTime(i);
            }
            Arrays.sort(times);
            int recent = (int) Math.ceil(recentFraction * n);
            long threshold = times[n - recent];
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                if (train.targetTime(i) >= threshold) {
                    counts[train.target(i)]++;
                }
            }
        }
        return new MostPopularRecommender("most-popular-recent", toFloats(counts));
    }

    private static float[] toFloats(int[] counts) {
        float[] values = new float[counts.length];
        for (int c = 0; c < counts.length; c++) {
            values[c] = counts[c];
        }
        return values;
    }

    /**
     * Restores a fitted baseline from the scores that {@link #popularity()} returned.
     *
     * @param popularity one score per show index, padding and unknown included
     * @return the baseline
     * @throws IllegalArgumentException if there are no more than two scores or one is negative or
     *     not finite
     */
    public static MostPopularRecommender of(float[] popularity) {
        if (popularity.length <= IdVocabulary.RESERVED) {
            throw new IllegalArgumentException(
                    "popularity must have more than "
                            + IdVocabulary.RESERVED
                            + " entries (padding and unknown), found "
                            + popularity.length);
        }
        for (int c = 0; c < popularity.length; c++) {
            if (!(popularity[c] >= 0f) || Float.isInfinite(popularity[c])) {
                throw new IllegalArgumentException(
                        "popularity of show index "
                                + c
                                + " must be finite and not negative, found "
                                + popularity[c]);
            }
        }
        return new MostPopularRecommender("most-popular", popularity.clone());
    }

    /**
     * Counts how often each show index is a target.
     *
     * @throws IllegalArgumentException if a sample has no target or one outside {@code [0,
     *     showCount)}
     */
    static int[] countTargets(SampleSet train, int showCount) {
        if (showCount <= IdVocabulary.RESERVED) {
            throw new IllegalArgumentException(
                    "showCount must be greater than "
                            + IdVocabulary.RESERVED
                            + " (padding and unknown), found "
                            + showCount);
        }
        int[] counts = new int[showCount];
        for (int i = 0; i < train.size(); i++) {
            int target = train.target(i);
            if (target < 0 || target >= showCount) {
                throw new IllegalArgumentException(
                        "training sample "
                                + i
                                + " has target "
                                + target
                                + ", expected a show index in [0, "
                                + showCount
                                + ")");
            }
            counts[target]++;
        }
        return counts;
    }

    /**
     * Returns {@code show} after checking that it is a valid show index.
     *
     * @throws IllegalArgumentException naming the sample if the index is outside {@code [0,
     *     showCount)}
     */
    static int requireShow(int show, int showCount, int sample) {
        if (show < 0 || show >= showCount) {
            throw new IllegalArgumentException(
                    "training sample "
                            + sample
                            + " has window show "
                            + show
                            + ", expected a show index in [0, "
                            + showCount
                            + ")");
        }
        return show;
    }

    /**
     * Returns the score of every show index, which is its count in the training samples.
     *
     * @return a copy of the scores
     */
    public float[] popularity() {
        return popularity.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int showCount() {
        return popularity.length;
    }

    @Override
    public void score(SampleSet samples, int from, int to, float[][] out) {
        for (int i = from; i < to; i++) {
            System.arraycopy(popularity, 0, out[i - from], 0, popularity.length);
        }
    }
}
