package dev.tvrecsys.eval;

import dev.tvrecsys.data.SampleSet;

/** Builds small sample sets for tests, with zero asset types and minutes. */
final class Samples {

    private Samples() {}

    /**
     * Creates a sample set from flat window shows and targets.
     *
     * @param windowLength the number of steps per window
     * @param shows {@code targets.length * windowLength} show indices, oldest step first
     * @param targets the target show index per sample
     */
    static SampleSet of(int windowLength, int[] shows, int[] targets) {
        return of(windowLength, shows, targets, new long[targets.length]);
    }

    /**
     * Creates a sample set from flat window shows, targets and target times.
     *
     * @param windowLength the number of steps per window
     * @param shows {@code targets.length * windowLength} show indices, oldest step first
     * @param targets the target show index per sample
     * @param targetTimes the target time per sample
     */
    static SampleSet of(int windowLength, int[] shows, int[] targets, long[] targetTimes) {
        int n = targets.length;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return new SampleSet(
                windowLength,
                shows,
                new int[shows.length],
                new float[shows.length],
                targets,
                targets.clone(),
                ids,
                targetTimes);
    }
}
