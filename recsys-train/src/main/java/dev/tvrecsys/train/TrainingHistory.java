package dev.tvrecsys.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results of every finished epoch of a run, in order. */
public final class TrainingHistory {

    private final List<EpochResult> epochs = new ArrayList<>();
    private Integer weightsEpoch;

    /** Returns a history of the given epochs in order, such as a checkpoint's. */
    public static TrainingHistory of(List<EpochResult> epochs) {
        TrainingHistory history = new TrainingHistory();
        epochs.forEach(history::add);
        return history;
    }

    void add(EpochResult result) {
        epochs.add(result);
    }

    /** Records that the model ends the run with the weights of {@code epoch}. */
    void setWeightsEpoch(int epoch) {
        weightsEpoch = epoch;
    }

    /**
     * Returns the epoch whose weights the model has after training: the last epoch, or the best one
     * when the trainer restored it. Before the first epoch ends it returns null.
     */
    public Integer weightsEpoch() {
        if (weightsEpoch != null) {
            return weightsEpoch;
        }
        EpochResult last = last();
        return last == null ? null : last.epoch();
    }

    /** Returns the epochs in order. */
    public List<EpochResult> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Returns the last epoch, or null before the first one ends. */
    public EpochResult last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /**
     * Returns the epoch with the highest validation recall. Without validation recall it returns
     * the epoch with the lowest training loss, and before the first epoch ends it returns null.
     */
    public EpochResult best() {
        EpochResult best = null;
        for (EpochResult result : epochs) {
            if (best == null || isBetter(result, best)) {
                best = result;
            }
        }
        return best;
    }

    private static boolean isBetter(EpochResult candidate, EpochResult best) {
        if (!Double.isNaN(candidate.validationRecall()) && !Double.isNaN(best.validationRecall())) {
            return candidate.validationRecall() > best.validationRecall();
        }
        return candidate.trainLoss() < best.trainLoss();
    }

    /** Returns the history as plain maps and lists, for JSON. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EpochResult result : epochs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", result.epoch());
            row.put("train_loss", finiteOrNull(result.trainLoss()));
            row.put("validation_loss", finiteOrNull(result.validationLoss()));
            row.put("validation_recall", finiteOrNull(result.validationRecall()));
            row.put("seconds", result.seconds());
            row.put("samples_per_second", result.samplesPerSecond());
            rows.add(row);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epochs", rows);
        EpochResult best = best();
        map.put("best_epoch", best == null ? null : best.epoch());
        map.put("weights_epoch", weightsEpoch());
        return map;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
