package dev.tvrecsys.eval;

import dev.tvrecsys.data.SampleSet;

/** Scores every show index for input windows; implemented by models and baselines alike. */
public interface Recommender {

    /** Short name for tables, e.g. "lstm", "most-popular". */
    String name();

    /**
     * Number of show indices scored, i.e. the show vocabulary size (padding and unknown included).
     */
    int showCount();

    /**
     * Writes a score for every show index for samples [from, to) of `samples` into out[i -
     * from][showIndex]; higher is better. out rows have length showCount().
     */
    void score(SampleSet samples, int from, int to, float[][] out);
}
