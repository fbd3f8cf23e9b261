package dev.tvrecsys.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.tvrecsys.model.NextShowModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay added to the gradient, updating the model's parameters in place.
 *
 * <p>The update follows PyTorch's {@code torch.optim.Adam}: {@code m = b1 m + (1 - b1) g}, {@code v
 * = b2 v + (1 - b2) g^2}, {@code w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)} with
 * {@code b1 = 0.9}, {@code b2 = 0.999}, {@code eps = 1e-8}. The moment arrays live in the model's
 * NDManager, and the whole state (step count and moments) can be written to bytes and read back, so
 * a resumed run continues with exactly the optimizer state it stopped with. Gradients are zeroed
 * after each update.
 */
public final class AdamOptimizer implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final int STATE_MAGIC = 0x41444d31;

    private float learningRate;
    private final float weightDecay;
    private final List<Pair<String, Parameter>> parameters = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final NDManager manager;
    private long step;

    /**
     * Creates an optimizer for every parameter of {@code model}, with zero moments, and turns on
     * gradient recording for parameters that lack it.
     *
     * @param model the model whose parameters are updated
     * @param learningRate step size, positive
     * @param weightDecay L2 factor added to the gradient, not negative
     */
    public AdamOptimizer(NextShowModel model, float learningRate, float weightDecay) {
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.manager = model.djlModel().getNDManager().newSubManager();
        for (Pair<String, Parameter> entry : model.block().getParameters()) {
            NDArray weight = entry.getValue().getArray();
            if (!weight.hasGradient()) {
                // Parameters read from a file start without gradient buffers.
                weight.setRequiresGradient(true);
            }
            parameters.add(entry);
            means.add(manager.zeros(weight.getShape(), weight.getDataType()));
            variances.add(manager.zeros(weight.getShape(), weight.getDataType()));
        }
    }

    /** Returns the current step size. */
    public float learningRate() {
        return learningRate;
    }

    /**
     * Sets the step size of the following updates, as a learning-rate schedule does.
     *
     * @throws IllegalArgumentException if {@code value} is not positive and finite
     */
    public void setLearningRate(float value) {
        if (!(value > 0f) || Float.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "learningRate must be positive and finite, found " + value);
        }
        this.learningRate = value;
    }

    /** Returns the number of updates made so far. */
    public long step() {
        return step;
    }

    /** Applies one update from the current gradients, then zeroes them. */
    public void update() {
        step++;
        float meanCorrection = (float) (1 - Math.pow(BETA1, step));
        float varianceRoot = (float) Math.sqrt(1 - Math.pow(BETA2, step));
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (int i = 0; i < parameters.size(); i++) {
                NDArray weight = parameters.get(i).getValue().getArray();
                NDArray gradient = weight.getGradient();
                NDArray effective =
                        weightDecay > 0 ? gradient.add(weight.mul(weightDecay)) : gradient;
                means.get(i).muli(BETA1).addi(effective.mul(1 - BETA1));
                variances.get(i).muli(BETA2).addi(effective.square().muli(1 - BETA2));
                NDArray denominator = variances.get(i).sqrt().divi(varianceRoot).addi(EPSILON);
                weight.subi(means.get(i).div(denominator).muli(learningRate / meanCorrection));
                gradient.subi(gradient);
            }
        }
    }

    /** Returns the step count and both moments of every parameter, in parameter order. */
    public byte[] saveState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_MAGIC);
            out.writeLong(step);
            out.writeInt(parameters.size());
            for (int i = 0; i < parameters.size(); i++) {
                out.writeUTF(parameters.get(i).getKey());
                writeFloats(out, means.get(i).toFloatArray());
                writeFloats(out, variances.get(i).toFloatArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores a state written by {@link #saveState()} for the same model layout.
     *
     * @throws IllegalArgumentException if the state belongs to a different set of parameters
     */
    public void loadState(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            if (in.readInt() != STATE_MAGIC) {
                throw new IllegalArgumentException("not an optimizer state: wrong magic number");
            }
            long savedStep = in.readLong();
            int count = in.readInt();
            if (count != parameters.size()) {
                throw new IllegalArgumentException(
                        "optimizer state has "
                                + count
                                + " parameters but the model has "
                                + parameters.size());
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                if (!name.equals(parameters.get(i).getKey())) {
                    throw new IllegalArgumentException(
                            "optimizer state parameter "
                                    + i
                                    + " is "
                                    + name
                                    + " but the model's is "
                                    + parameters.get(i).getKey());
                }
                means.get(i).set(readFloats(in, means.get(i).size()));
                variances.get(i).set(readFloats(in, variances.get(i).size()));
            }
            step = savedStep;
        } catch (IOException e) {
            throw new IllegalArgumentException("optimizer state is truncated: " + e, e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in, long expected) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new IllegalArgumentException(
                    "optimizer state array has " + length + " values, expected " + expected);
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    @Override
    public void close() {
        manager.close();
    }
}
