package dev.tvrecsys.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.translate.Batchifier;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A DJL dataset over a {@link SampleSet}, kept as primitive arrays until a batch is requested.
 *
 * <p>{@link #get(NDManager, long)} returns one sample as DJL's generic path expects. {@link
 * #getData(NDManager)} is overridden to build each batch directly from the arrays, three NDArrays
 * per batch instead of three per sample, in a per-batch child manager that {@link Batch#close()}
 * frees. With shuffling on, the order of epoch {@code e} (counting calls to {@code getData}) is a
 * permutation drawn from {@code new Random(seed + e)}, so a seed fixes every epoch's order.
 */
public final class WindowDataset extends RandomAccessDataset {

    private final SampleSet samples;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final int lossSteps;
    private int epoch;

    private WindowDataset(Builder builder) {
        super(builder);
        this.samples = builder.samples;
        this.batchSize = builder.batchSize;
        this.shuffle = builder.shuffle;
        this.seed = builder.seed;
        this.dropLast = builder.dropLast;
        this.lossSteps = builder.lossSteps;
    }

    /** Creates a builder over {@code samples}. */
    public static Builder builder(SampleSet samples) {
        return new Builder(samples);
    }

    /** Returns the samples behind this dataset. */
    public SampleSet samples() {
        return samples;
    }

    /** Returns the number of batches one epoch yields. */
    public int batchCount() {
        int n = samples.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * Returns one sample with its last-step target as label.
     *
     * @throws UnsupportedOperationException if the dataset has step labels ({@code lossSteps > 1}),
     *     whose flat positions are defined per batch and not per sample
     */
    @Override
    public Record get(NDManager manager, long index) {
        if (lossSteps > 1) {
            throw new UnsupportedOperationException(
                    "samples of a dataset with lossSteps > 1 have no single label; iterate"
                            + " getData, whose batches carry step positions and targets");
        }
        int i = Math.toIntExact(index);
        NDList data = WindowBatches.inputs(manager, samples, new int[] {i}, 0, 1);
        NDList labels = WindowBatches.labels(manager, samples, new int[] {i}, 0, 1);
        NDList squeezedData = new NDList(data.size());
        for (int k = 0; k < data.size(); k++) {
            squeezedData.add(data.get(k).squeeze(0));
        }
        return new Record(squeezedData, new NDList(labels.head().squeeze(0)));
    }

    @Override
    protected long availableSize() {
        return samples.size();
    }

    @Override
    public void prepare(ai.djl.util.Progress progress) {}

    @Override
    public Iterable<Batch> getData(NDManager manager) {
        return getData(manager, epoch++);
    }

    /**
     * Returns the batches of a given epoch without advancing the epoch counter of {@link
     * #getData(NDManager)}; a resumed run uses it to repeat the order of the epoch it continues.
     *
     * @param manager parent of the per-batch managers
     * @param epochIndex 0-based epoch number
     * @return the batches in that epoch's order
     */
    public Iterable<Batch> getData(NDManager manager, int epochIndex) {
        int[] order = order(epochIndex);
        return () -> new BatchIterator(manager, order);
    }

    private int[] order(int epochNumber) {
        int n = samples.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(seed + epochNumber);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    /** Yields batches of {@code batchSize} in the given order. */
    private final class BatchIterator implements Iterator<Batch> {
        private final NDManager parent;
        private final int[] order;
        private final int total;
        private int next;

        BatchIterator(NDManager parent, int[] order) {
            this.parent = parent;
            this.order = order;
            this.total = batchCount();
        }

        @Override
        public boolean hasNext() {
            return next < total;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int from = next * batchSize;
            int to = Math.min(from + batchSize, order.length);
            NDManager batchManager = parent.newSubManager();
            NDList data = WindowBatches.inputs(batchManager, samples, order, from, to);
            NDList labels =
                    lossSteps == 1
                            ? WindowBatches.labels(batchManager, samples, order, from, to)
                            : WindowBatches.stepLabels(
                                    batchManager, samples, order, from, to, lossSteps);
            next++;
            return new Batch(
                    batchManager,
                    data,
                    labels,
                    to - from,
                    Batchifier.STACK,
                    Batchifier.STACK,
                    next,
                    total);
        }
    }

    /** Builder of a {@link WindowDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private final SampleSet samples;
        private int batchSize = 512;
        private boolean shuffle = true;
        private long seed = Split.REFERENCE_SEED;
        private boolean dropLast;
        private int lossSteps = 1;

        private Builder(SampleSet samples) {
            this.samples = samples;
        }

        /**
         * Sets the batch size and whether batches are shuffled.
         *
         * @throws IllegalArgumentException if the batch size is not positive
         */
        public Builder setSampling(int batchSize, boolean shuffle) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException(
                        "batchSize must be positive, found " + batchSize);
            }
            this.batchSize = batchSize;
            this.shuffle = shuffle;
            super.setSampling(batchSize, shuffle);
            return this;
        }

        /** Sets the seed of the per-epoch shuffle. */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** Drops the last batch of an epoch when it is smaller than the batch size. */
        public Builder optDropLast(boolean value) {
            this.dropLast = value;
            return this;
        }

        /**
         * Sets the number of newest steps of each window that carry a target. With 1, the default,
         * a batch's labels are the samples' targets, shape (batch). With more, they are the two
         * arrays of {@link WindowBatches#stepLabels}: flat step positions and their targets.
         *
         * @throws IllegalArgumentException if {@code value} is not in [1, window length]
         */
        public Builder optLossSteps(int value) {
            if (value < 1 || value > samples.windowLength()) {
                throw new IllegalArgumentException(
                        "lossSteps must be in [1, " + samples.windowLength() + "], found " + value);
            }
            this.lossSteps = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Builds the dataset. */
        public WindowDataset build() {
            if (sampler == null) {
                setSampling(batchSize, shuffle);
            }
            return new WindowDataset(this);
        }
    }
}
