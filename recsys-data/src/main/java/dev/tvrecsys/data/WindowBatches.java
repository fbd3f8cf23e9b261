package dev.tvrecsys.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Copies rows of a {@link SampleSet} into NDArrays of shape (batch, window): show indices and asset
 * indices as int32, raw watch minutes as float32, targets as int64 of shape (batch).
 *
 * <p>Every array is created in the given manager, so closing a per-batch manager frees them
 * together with everything computed from them.
 */
public final class WindowBatches {

    private WindowBatches() {}

    /**
     * Returns the inputs of samples {@code indices[from..to)}.
     *
     * @param manager manager that owns the new arrays
     * @param samples source samples
     * @param indices sample indices, or null for the identity
     * @param from first position in {@code indices}
     * @param to position after the last one
     * @return shows, assets and minutes
     */
    public static NDList inputs(
            NDManager manager, SampleSet samples, int[] indices, int from, int to) {
        int batch = to - from;
        int window = samples.windowLength();
        int[] shows = new int[batch * window];
        int[] assets = new int[batch * window];
        float[] minutes = new float[batch * window];
        for (int j = 0; j < batch; j++) {
            int i = indices == null ? from + j : indices[from + j];
            System.arraycopy(samples.shows(), i * window, shows, j * window, window);
            System.arraycopy(samples.assets(), i * window, assets, j * window, window);
            System.arraycopy(samples.minutes(), i * window, minutes, j * window, window);
        }
        Shape shape = new Shape(batch, window);
        NDArray showArray = manager.create(shows, shape);
        NDArray assetArray = manager.create(assets, shape);
        NDArray minuteArray = manager.create(minutes, shape);
        return new NDList(showArray, assetArray, minuteArray);
    }

    /**
     * Returns the targets of samples {@code indices[from..to)} as one int64 array, the index type
     * that PyTorch's gather and cross-entropy expect.
     *
     * @throws IllegalArgumentException if a sample is an inference window without target
     */
    public static NDList labels(
            NDManager manager, SampleSet samples, int[] indices, int from, int to) {
        long[] targets = new long[to - from];
        for (int j = 0; j < targets.length; j++) {
            int i = indices == null ? from + j : indices[from + j];
            int target = samples.target(i);
            if (target < 0) {
                throw new IllegalArgumentException(
                        "sample " + i + " has no target; inference windows cannot be labels");
            }
            targets[j] = target;
        }
        return new NDList(manager.create(targets, new Shape(targets.length)));
    }

    /**
     * Returns the step targets of samples {@code indices[from..to)} for a loss over the last {@code
     * lossSteps} steps of each window: the target of step {@code s} is the show at step {@code s +
     * 1}, and that of the last step is the sample's target. A step counts only when its own input
     * and its target are not padding, so every counted step has at least one input event.
     *
     * <p>The result contains two int64 arrays of equal length: the flat position {@code j * window
     * + s} of each counted step in the batch ({@code j} is the row in the batch), and its target
     * show index. The last step of every row always counts, so each row contributes at least one
     * target.
     *
     * @throws IllegalArgumentException if {@code lossSteps} is not in [1, window], or if a sample
     *     is an inference window without target
     */
    public static NDList stepLabels(
            NDManager manager, SampleSet samples, int[] indices, int from, int to, int lossSteps) {
        int window = samples.windowLength();
        if (lossSteps < 1 || lossSteps > window) {
            throw new IllegalArgumentException(
                    "lossSteps must be in [1, " + window + "], found " + lossSteps);
        }
        int[] shows = samples.shows();
        long[] positions = new long[(to - from) * lossSteps];
        long[] targets = new long[positions.length];
        int count = 0;
        for (int j = 0; j < to - from; j++) {
            int i = indices == null ? from + j : indices[from + j];
            int target = samples.target(i);
            if (target < 0) {
                throw new IllegalArgumentException(
                        "sample " + i + " has no target; inference windows cannot be labels");
            }
            int base = i * window;
            for (int step = window - lossSteps; step < window; step++) {
                int next = step == window - 1 ? target : shows[base + step + 1];
                if (shows[base + step] == IdVocabulary.PADDING || next == IdVocabulary.PADDING) {
                    continue;
                }
                positions[count] = (long) j * window + step;
                targets[count] = next;
                count++;
            }
        }
        return new NDList(
                manager.create(java.util.Arrays.copyOf(positions, count), new Shape(count)),
                manager.create(java.util.Arrays.copyOf(targets, count), new Shape(count)));
    }
}
