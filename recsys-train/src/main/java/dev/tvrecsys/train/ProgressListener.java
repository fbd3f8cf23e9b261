package dev.tvrecsys.train;

import dev.tvrecsys.model.NextShowModel;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the loss and throughput every {@code interval} batches, and draws a progress bar on the
 * terminal when standard output is one.
 */
public final class ProgressListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressListener.class);
    private static final int BAR_WIDTH = 30;

    private final int interval;
    private final PrintStream terminal;
    private double lossSinceLog;
    private int batchesSinceLog;

    /**
     * Creates a listener.
     *
     * @param interval batches between log lines, positive
     * @param showBar whether to draw a progress bar; callers pass {@code System.console() != null}
     *     to draw it only on a terminal
     */
    public ProgressListener(int interval, boolean showBar) {
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be positive, found " + interval);
        }
        this.interval = interval;
        this.terminal = showBar ? System.out : null;
    }

    @Override
    public void onBatch(
            int epoch, int batch, int batchesPerEpoch, double loss, double samplesPerSecond) {
        lossSinceLog += loss;
        batchesSinceLog++;
        if (terminal != null) {
            int filled = (int) ((long) BAR_WIDTH * batch / batchesPerEpoch);
            terminal.printf(
                    "\repoch %d [%s%s] %d/%d loss %.4f %.0f samples/s",
                    epoch,
                    "=".repeat(filled),
                    " ".repeat(BAR_WIDTH - filled),
                    batch,
                    batchesPerEpoch,
                    loss,
                    samplesPerSecond);
            if (batch == batchesPerEpoch) {
                terminal.println();
            }
            terminal.flush();
        }
        if (batch % interval == 0 || batch == batchesPerEpoch) {
            LOG.info(
                    "epoch {} batch {}/{}: loss {} (mean of last {}), {} samples/s",
                    epoch,
                    batch,
                    batchesPerEpoch,
                    String.format("%.4f", lossSinceLog / batchesSinceLog),
                    batchesSinceLog,
                    Math.round(samplesPerSecond));
            lossSinceLog = 0;
            batchesSinceLog = 0;
        }
    }

    @Override
    public void onTrainingEnd(TrainingHistory history, NextShowModel model) {
        EpochResult best = history.best();
        if (best != null) {
            LOG.info(
                    "Best epoch {}: validation recall {}, train loss {}",
                    best.epoch(),
                    String.format("%.4f", best.validationRecall()),
                    String.format("%.4f", best.trainLoss()));
        }
    }
}
