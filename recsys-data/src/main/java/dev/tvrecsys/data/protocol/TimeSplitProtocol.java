package dev.tvrecsys.data.protocol;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.ViewerHistories;
import java.util.Objects;

/**
 * Global time split: training uses only events before a validation cut-off, validation targets lie
 * between the validation cut-off and the test cut-off, and test targets at or after the test
 * cut-off.
 *
 * <p>Times are {@link EventLog#time(int)} values. Every validation or test event with at least one
 * earlier event of its viewer is a target, and its input window is the up to {@code windowLength}
 * events before it, from any period. Earlier events are context for the held-out targets, so a test
 * input may contain training and validation events and earlier test events, but a training sample
 * never contains an event at or after the validation cut-off. Validation is the last part of the
 * training period, so a model tuned on it has still seen nothing at or after the test cut-off.
 *
 * <p>The test cut-off is either a time value or the start of the last {@code testFraction} of the
 * log's time range. The validation cut-off is {@code cutoff - floor(validationFraction * (cutoff -
 * minTime))}, so a validation fraction of 0 gives an empty validation set.
 */
public final class TimeSplitProtocol implements EvaluationProtocol {

    private final long fixedCutoff;
    private final double testFraction;
    private final double validationFraction;
    private final int windowLength;
    private final TrainingSamples trainingSamples;

    private TimeSplitProtocol(
            long fixedCutoff,
            double testFraction,
            double validationFraction,
            int windowLength,
            TrainingSamples trainingSamples) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validationFraction must be in [0, 1), found " + validationFraction);
        }
        if (windowLength <= 0) {
            throw new IllegalArgumentException(
                    "windowLength must be positive, found " + windowLength);
        }
        this.fixedCutoff = fixedCutoff;
        this.testFraction = testFraction;
        this.validationFraction = validationFraction;
        this.windowLength = windowLength;
        this.trainingSamples = Objects.requireNonNull(trainingSamples, "trainingSamples");
    }

    /**
     * Creates a split at a fixed test cut-off time.
     *
     * @param cutoff the first time of the test period
     * @param validationFraction share of the time before {@code cutoff} held out for validation, in
     *     [0, 1)
     * @param windowLength number of input events per sample, positive
     * @param trainingSamples how training samples are cut from the training events
     * @return the protocol
     * @throws IllegalArgumentException if a value is out of range
     */
    public static TimeSplitProtocol atTime(
            long cutoff,
            double validationFraction,
            int windowLength,
            TrainingSamples trainingSamples) {
        return new TimeSplitProtocol(
                cutoff, Double.NaN, validationFraction, windowLength, trainingSamples);
    }

    /**
     * Creates a split whose test period is the last {@code testFraction} of the log's time range:
     * the cut-off is {@code maxTime - floor(testFraction * (maxTime - minTime))}. With times in
     * minutes ({@code day * 1440 + minute}) a fraction of 0.2 over 10 days holds out the last 2
     * days.
     *
     * @param testFraction share of the time range held out for testing, in (0, 1)
     * @param validationFraction share of the time before the cut-off held out for validation, in
     *     [0, 1)
     * @param windowLength number of input events per sample, positive
     * @param trainingSamples how training samples are cut from the training events
     * @return the protocol
     * @throws IllegalArgumentException if a value is out of range
     */
    public static TimeSplitProtocol lastFraction(
            double testFraction,
            double validationFraction,
            int windowLength,
            TrainingSamples trainingSamples) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException(
                    "testFraction must be in (0, 1), found " + testFraction);
        }
        return new TimeSplitProtocol(
                0L, testFraction, validationFraction, windowLength, trainingSamples);
    }

    @Override
    public String name() {
        return "time-split";
    }

    /**
     * Returns the first time of the test period for {@code log}.
     *
     * @param log the events
     * @return the test cut-off
     * @throws IllegalArgumentException if the cut-off is a fraction and the log is empty
     */
    public long cutoff(EventLog log) {
        if (Double.isNaN(testFraction)) {
            return fixedCutoff;
        }
        long[] range = timeRange(log);
        return range[1] - (long) Math.floor(testFraction * (range[1] - range[0]));
    }

    /**
     * Returns the first time of the validation period for {@code log}, which is also the end of the
     * training period.
     *
     * @param log the events
     * @return the validation cut-off, equal to {@link #cutoff(EventLog)} when the validation
     *     fraction is 0
     * @throws IllegalArgumentException if the log is empty and the validation fraction is not 0
     */
    public long validationCutoff(EventLog log) {
        long cutoff = cutoff(log);
        if (validationFraction == 0) {
            return cutoff;
        }
        long minTime = timeRange(log)[0];
        if (cutoff <= minTime) {
            return cutoff;
        }
        return cutoff - (long) Math.floor(validationFraction * (cutoff - minTime));
    }

    @Override
    public ProtocolSplit split(
            ViewerHistories histories, IdVocabulary shows, AssetTypeVocabulary assets) {
        EventLog log = histories.log();
        long cutoff = cutoff(log);
        long validationCutoff = validationCutoff(log);
        WindowWriter train = new WindowWriter(histories, shows, assets, windowLength);
        WindowWriter validation = new WindowWriter(histories, shows, assets, windowLength);
        WindowWriter test = new WindowWriter(histories, shows, assets, windowLength);
        for (int v = 0; v < histories.viewerCount(); v++) {
            int trainEnd = firstAtOrAfter(histories, v, validationCutoff);
            int validationEnd = firstAtOrAfter(histories, v, cutoff);
            trainingSamples.addTargets(train, v, trainEnd);
            for (int target = Math.max(trainEnd, 1); target < validationEnd; target++) {
                validation.add(v, target);
            }
            for (int target = Math.max(validationEnd, 1); target < histories.length(v); target++) {
                test.add(v, target);
            }
        }
        String description =
                "training events before time "
                        + validationCutoff
                        + ", validation targets in ["
                        + validationCutoff
                        + ", "
                        + cutoff
                        + "), test targets from time "
                        + cutoff
                        + "; earlier events are input context; training samples ("
                        + trainingSamples.label()
                        + ", windows of "
                        + windowLength
                        + ")";
        return new ProtocolSplit(
                name(), description, train.build(), validation.build(), test.build());
    }

    /** Returns the first position of viewer {@code v}, counted from its start, at {@code time}. */
    private static int firstAtOrAfter(ViewerHistories histories, int v, long time) {
        EventLog log = histories.log();
        int start = histories.start(v);
        int low = 0;
        int high = histories.length(v);
        // Positions are in time order, so a binary search finds the first one at or after time.
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (log.time(histories.row(start + middle)) < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long[] timeRange(EventLog log) {
        if (log.size() == 0) {
            throw new IllegalArgumentException(
                    "log " + log.source() + " has no events, so a time range is undefined");
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < log.size(); row++) {
            min = Math.min(min, log.time(row));
            max = Math.max(max, log.time(row));
        }
        return new long[] {min, max};
    }
}
