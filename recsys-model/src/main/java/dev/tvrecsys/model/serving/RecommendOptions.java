package dev.tvrecsys.model.serving;

import java.util.Arrays;
import java.util.Collection;

/**
 * Filters applied to one recommendation request. Immutable; build with {@link #builder()}.
 *
 * <p>Exclusions and the candidate restriction combine: a show is eligible when it is a candidate
 * (or no candidate set is given), is not excluded by id, and, with {@link #excludeWatched()}, is
 * not in the history. Ids the model does not know are ignored, because such shows are never
 * recommended anyway.
 */
public final class RecommendOptions {

    private static final RecommendOptions DEFAULTS = new Builder().build();

    private final boolean excludeWatched;
    private final int[] excludedShowIds;
    private final int[] candidateShowIds;

    private RecommendOptions(Builder builder) {
        this.excludeWatched = builder.excludeWatched;
        this.excludedShowIds = builder.excludedShowIds.clone();
        this.candidateShowIds =
                builder.candidateShowIds == null ? null : builder.candidateShowIds.clone();
    }

    /** Returns options without filters: watched shows stay eligible, nothing is excluded. */
    public static RecommendOptions defaults() {
        return DEFAULTS;
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns whether shows in the history are removed from the ranking. */
    public boolean excludeWatched() {
        return excludeWatched;
    }

    /** Returns a copy of the show ids removed from the ranking. */
    public int[] excludedShowIds() {
        return excludedShowIds.clone();
    }

    /** Returns whether the ranking is restricted to {@link #candidateShowIds()}. */
    public boolean hasCandidates() {
        return candidateShowIds != null;
    }

    /** Returns a copy of the candidate show ids, or an empty array when there is no restriction. */
    public int[] candidateShowIds() {
        return candidateShowIds == null ? new int[0] : candidateShowIds.clone();
    }

    @Override
    public String toString() {
        return "RecommendOptions[excludeWatched="
                + excludeWatched
                + ", excluded="
                + excludedShowIds.length
                + " ids, candidates="
                + (candidateShowIds == null ? "all" : candidateShowIds.length + " ids")
                + "]";
    }

    /** Builder whose setters validate their argument at once. */
    public static final class Builder {
        private boolean excludeWatched;
        private int[] excludedShowIds = new int[0];
        private int[] candidateShowIds;

        private Builder() {}

        /**
         * Sets whether shows in the history are removed from the ranking; default false.
         *
         * @param value true to remove watched shows
         * @return this builder
         */
        public Builder excludeWatched(boolean value) {
            this.excludeWatched = value;
            return this;
        }

        /**
         * Sets the show ids removed from the ranking, replacing earlier ones.
         *
         * @param showIds the ids
         * @return this builder
         * @throws IllegalArgumentException if {@code showIds} is null
         */
        public Builder excludeShowIds(int... showIds) {
            if (showIds == null) {
                throw new IllegalArgumentException("excluded show ids must not be null");
            }
            this.excludedShowIds = showIds.clone();
            return this;
        }

        /**
         * Sets the show ids removed from the ranking, replacing earlier ones.
         *
         * @param showIds the ids
         * @return this builder
         * @throws IllegalArgumentException if {@code showIds} or one of its ids is null
         */
        public Builder excludeShowIds(Collection<Integer> showIds) {
            return excludeShowIds(toArray(showIds, "excluded show ids"));
        }

        /**
         * Restricts the ranking to the given show ids.
         *
         * @param showIds the candidate ids, at least one
         * @return this builder
         * @throws IllegalArgumentException if {@code showIds} is null or empty
         */
        public Builder candidateShowIds(int... showIds) {
            if (showIds == null || showIds.length == 0) {
                throw new IllegalArgumentException(
                        "candidate show ids must contain at least one id, found "
                                + (showIds == null ? "null" : "none"));
            }
            this.candidateShowIds = Arrays.stream(showIds).distinct().sorted().toArray();
            return this;
        }

        /**
         * Restricts the ranking to the given show ids.
         *
         * @param showIds the candidate ids, at least one
         * @return this builder
         * @throws IllegalArgumentException if {@code showIds} is null or empty, or an id is null
         */
        public Builder candidateShowIds(Collection<Integer> showIds) {
            return candidateShowIds(toArray(showIds, "candidate show ids"));
        }

        /** Builds the options. */
        public RecommendOptions build() {
            return new RecommendOptions(this);
        }

        private static int[] toArray(Collection<Integer> ids, String name) {
            if (ids == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            int[] values = new int[ids.size()];
            int i = 0;
            for (Integer id : ids) {
                if (id == null) {
                    throw new IllegalArgumentException(name + " must not contain null");
                }
                values[i++] = id;
            }
            return values;
        }
    }
}
