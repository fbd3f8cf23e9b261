package dev.tvrecsys.data.protocol;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.ViewerHistories;
import java.util.Objects;

/**
 * Leave-one-out protocol: each viewer's newest event is its test target and the event before it its
 * validation target, and only the events before those two are used for training.
 *
 * <p>For a viewer with events {@code e[0..m-1]} in history order and {@code m >= 3}:
 *
 * <ul>
 *   <li>test: target {@code e[m-1]}, input the up to {@code windowLength} events before it;
 *   <li>validation: target {@code e[m-2]}, input the up to {@code windowLength} events before it;
 *   <li>training: samples from {@code e[0..m-3]} as chosen by {@link TrainingSamples}.
 * </ul>
 *
 * <p>A viewer with fewer than 3 events gives no test and no validation sample, because the
 * validation target would then have no input event. Its events are used for training instead, which
 * leaks nothing, because none of them is ever a held-out target. No training target or input event
 * of a viewer comes after that viewer's validation target in history order, which is time order
 * with ties broken as {@link ViewerHistories} describes. Other viewers' training events may be
 * newer, because the cut is per viewer and not global in time.
 */
public final class LeaveOneOutProtocol implements EvaluationProtocol {

    /** Minimum number of events a viewer needs to give a test sample. */
    public static final int MIN_EVENTS_FOR_TEST = 3;

    private final int windowLength;
    private final TrainingSamples trainingSamples;

    /**
     * Creates the protocol.
     *
     * @param windowLength number of input events per sample, positive
     * @param trainingSamples how training samples are cut from the older events
     * @throws IllegalArgumentException if {@code windowLength} is not positive
     */
    public LeaveOneOutProtocol(int windowLength, TrainingSamples trainingSamples) {
        if (windowLength <= 0) {
            throw new IllegalArgumentException(
                    "windowLength must be positive, found " + windowLength);
        }
        this.windowLength = windowLength;
        this.trainingSamples = Objects.requireNonNull(trainingSamples, "trainingSamples");
    }

    @Override
    public String name() {
        return "leave-one-out";
    }

    @Override
    public ProtocolSplit split(
            ViewerHistories histories, IdVocabulary shows, AssetTypeVocabulary assets) {
        WindowWriter train = new WindowWriter(histories, shows, assets, windowLength);
        WindowWriter validation = new WindowWriter(histories, shows, assets, windowLength);
        WindowWriter test = new WindowWriter(histories, shows, assets, windowLength);
        for (int v = 0; v < histories.viewerCount(); v++) {
            int length = histories.length(v);
            if (length < MIN_EVENTS_FOR_TEST) {
                trainingSamples.addTargets(train, v, length);
                continue;
            }
            test.add(v, length - 1);
            validation.add(v, length - 2);
            trainingSamples.addTargets(train, v, length - 2);
        }
        String description =
                "per viewer, newest event is the test target and the one before it the validation"
                        + " target; training samples ("
                        + trainingSamples.label()
                        + ", windows of "
                        + windowLength
                        + ") from the older events; viewers with fewer than "
                        + MIN_EVENTS_FOR_TEST
                        + " events are training only";
        return new ProtocolSplit(
                name(), description, train.build(), validation.build(), test.build());
    }
}
