package dev.tvrecsys.eval;

import dev.tvrecsys.data.SampleSet;

/**
 * A model or baseline that scores every show index for each input window of a {@link SampleSet}.
 * The {@link Evaluator} ranks shows by these scores, so every recommender is measured the same way.
 */
public interface Recommender {

    /**
     * Returns a short name for tables and logs, for example {@code "lstm"} or {@code
     * "most-popular"}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the number of show indices scored, which is the show vocabulary size with padding and
     * unknown included.
     *
     * @return the length of every score row
     */
    int showCount();

    /**
     * Writes a score for every show index of samples {@code [from, to)} into {@code out[i -
     * from][showIndex]}. A higher score ranks a show higher. Implementations must write every entry
     * of rows {@code 0} to {@code to - from - 1}, because the caller reuses {@code out} between
     * batches, and must leave the other rows alone.
     *
     * @param samples the input windows
     * @param from the first sample, inclusive
     * @param to the last sample, exclusive
     * @param out score rows, at least {@code to - from} of them, each of length {@link
     *     #showCount()}
     */
    void score(SampleSet samples, int from, int to, float[][] out);
}
