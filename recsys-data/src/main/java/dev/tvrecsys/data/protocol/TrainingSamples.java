package dev.tvrecsys.data.protocol;

import java.util.Locale;

/**
 * Choice of training samples cut from the part of a viewer's history that a protocol assigns to
 * training.
 *
 * <p>Every choice walks back from the viewer's newest training event: that event is the first
 * target, and each further target lies a fixed stride before the previous one, down to the viewer's
 * second event. Each target takes the up to {@code windowLength} events before it as input.
 *
 * <p>A strided choice with stride {@code s} no larger than {@code windowLength} pairs with a
 * trainer that takes a loss at the last {@code s} steps of every window: the targets of those steps
 * are then every training event after the viewer's first, each exactly once, with at least {@code
 * windowLength - s + 1} events of context where the history has them. With {@code s} equal to the
 * window length this is the sequence training of GRU4Rec-style models, cut into windows.
 */
public final class TrainingSamples {

    /**
     * Non-overlapping windows as in the reference layout: stride {@code windowLength + 1}. No
     * segment is reserved, because the held-out events already play that role.
     */
    public static final TrainingSamples REFERENCE = new TrainingSamples(0, "reference");

    /** Every training event with at least one earlier event is a target: stride 1. */
    public static final TrainingSamples EVERY_PREFIX = new TrainingSamples(1, "every-prefix");

    private final int stride;
    private final String label;

    private TrainingSamples(int stride, String label) {
        this.stride = stride;
        this.label = label;
    }

    /**
     * Returns the choice with one target every {@code stride} events.
     *
     * @throws IllegalArgumentException if {@code stride} is not positive
     */
    public static TrainingSamples strided(int stride) {
        if (stride <= 0) {
            throw new IllegalArgumentException("stride must be positive, found " + stride);
        }
        return stride == 1 ? EVERY_PREFIX : new TrainingSamples(stride, "stride-" + stride);
    }

    /**
     * Parses {@code reference}, {@code every-prefix} or {@code stride-N}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static TrainingSamples parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals(REFERENCE.label)) {
            return REFERENCE;
        }
        if (value.equals(EVERY_PREFIX.label)) {
            return EVERY_PREFIX;
        }
        if (value.startsWith("stride-")) {
            try {
                return strided(Integer.parseInt(value.substring("stride-".length())));
            } catch (IllegalArgumentException e) {
                // falls through to the message below, which names the accepted forms
            }
        }
        throw new IllegalArgumentException(
                "training samples must be reference, every-prefix or stride-N with N >= 1, found '"
                        + text
                        + "'");
    }

    /** Returns the stride between targets for windows of {@code windowLength} events. */
    public int stride(int windowLength) {
        return stride == 0 ? windowLength + 1 : stride;
    }

    /**
     * Adds the training targets of one viewer whose first {@code historyLength} events are training
     * events.
     */
    void addTargets(WindowWriter writer, int viewer, int historyLength) {
        int step = stride(writer.windowLength());
        for (int target = historyLength - 1; target >= 1; target -= step) {
            writer.add(viewer, target);
        }
    }

    /** Returns the lower-case name used in descriptions, for example {@code every-prefix}. */
    public String label() {
        return label;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingSamples that && that.stride == stride;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(stride);
    }

    @Override
    public String toString() {
        return label;
    }
}
