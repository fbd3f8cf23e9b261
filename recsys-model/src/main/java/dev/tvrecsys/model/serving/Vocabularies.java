package dev.tvrecsys.model.serving;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.eval.TopK;
import java.util.ArrayList;
import java.util.List;

/**
 * The vocabularies and window length a scorer was trained with, and the two steps every serving
 * path shares: encoding a {@link History} as one input window, and ranking a score row under {@link
 * RecommendOptions}. Immutable and safe to share between threads.
 */
final class Vocabularies {

    private final IdVocabulary shows;
    private final AssetTypeVocabulary assets;
    private final int windowLength;

    Vocabularies(IdVocabulary shows, AssetTypeVocabulary assets, int windowLength) {
        this.shows = shows;
        this.assets = assets;
        this.windowLength = windowLength;
    }

    IdVocabulary shows() {
        return shows;
    }

    AssetTypeVocabulary assets() {
        return assets;
    }

    int windowLength() {
        return windowLength;
    }

    /**
     * Encodes the newest {@link #windowLength()} events of {@code history} as one left-padded
     * window. Unknown show ids and asset types become {@link IdVocabulary#UNKNOWN}, never padding.
     */
    SampleSet encode(History history) {
        int inputs = Math.min(windowLength, history.size());
        int first = history.size() - inputs;
        int offset = windowLength - inputs;
        int[] showIndices = new int[windowLength];
        int[] assetIndices = new int[windowLength];
        float[] minutes = new float[windowLength];
        for (int j = 0; j < inputs; j++) {
            showIndices[offset + j] = shows.index(history.showId(first + j));
            assetIndices[offset + j] = assets.index(history.assetType(first + j));
            minutes[offset + j] = history.watchMinutes(first + j);
        }
        long time = inputs == 0 ? Long.MIN_VALUE : history.time(history.size() - 1);
        return new SampleSet(
                windowLength,
                showIndices,
                assetIndices,
                minutes,
                new int[] {SampleSet.NO_TARGET},
                new int[] {SampleSet.NO_TARGET},
                new int[] {0},
                new long[] {time});
    }

    /** Returns the vocabulary indices of every event's show, unknown shows included. */
    int[] showIndices(History history) {
        int[] indices = new int[history.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = shows.index(history.showId(i));
        }
        return indices;
    }

    /**
     * Ranks the shows of one score row, best first.
     *
     * @param scores one score per show index
     * @param watched show indices of the viewer's events, removed when the options request it
     * @param k maximum number of recommendations
     * @param options filters
     * @return at most k recommendations, fewer when fewer shows are eligible
     */
    List<Recommendation> rank(float[] scores, int[] watched, int k, RecommendOptions options) {
        boolean[] excluded = new boolean[scores.length];
        if (options.hasCandidates()) {
            java.util.Arrays.fill(excluded, true);
            for (int id : options.candidateShowIds()) {
                if (shows.contains(id)) {
                    excluded[shows.index(id)] = false;
                }
            }
        }
        for (int id : options.excludedShowIds()) {
            if (shows.contains(id)) {
                excluded[shows.index(id)] = true;
            }
        }
        if (options.excludeWatched()) {
            for (int index : watched) {
                excluded[index] = true;
            }
        }
        // TopK allocates k slots, so a huge k from a request is capped at the vocabulary size.
        TopK top = new TopK(Math.min(k, scores.length));
        int[] selected = new int[top.k()];
        int count = top.select(scores, excluded, selected);
        List<Recommendation> result = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            result.add(new Recommendation(shows.id(selected[r]), scores[selected[r]]));
        }
        return result;
    }

    static void requireK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, found " + k);
        }
    }
}
