package dev.tvrecsys.data.protocol;

/**
 * Choice of training samples cut from the part of a viewer's history that a protocol assigns to
 * training.
 */
public enum TrainingSamples {

    /**
     * Non-overlapping windows as in the reference layout: targets walk back from the newest
     * training event in steps of {@code windowLength + 1}, each with the up to {@code windowLength}
     * events before it as input. No segment is reserved, because the held-out events already play
     * that role.
     */
    REFERENCE,

    /** Every training event with at least one earlier event is a target, newest first. */
    EVERY_PREFIX;

    /**
     * Adds the training targets of one viewer whose first {@code historyLength} events are training
     * events.
     */
    void addTargets(WindowWriter writer, int viewer, int historyLength) {
        int stride = this == REFERENCE ? writer.windowLength() + 1 : 1;
        for (int target = historyLength - 1; target >= 1; target -= stride) {
            writer.add(viewer, target);
        }
    }

    /** Returns the lower-case name used in descriptions, for example {@code every-prefix}. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
