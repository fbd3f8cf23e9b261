package dev.tvrecsys.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.WindowBatches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatBiasTest {

    private static final int SHOWS = 6;
    private static final float SEEN = 0.75f;
    private static final float CURRENT = -2.5f;

    private static final ModelConfig CONFIG =
            ModelConfig.defaults()
                    .withEmbeddingSizes(4, 3)
                    .withHiddenSize(8)
                    .withWindowLength(4)
                    .withRepeatBias(true);

    /**
     * Three windows of show indices. In (2 3 2 4) show 2 repeats, (0 0 3 5) starts with padding,
     * and (1 5 1 5) holds the unknown index 1 twice.
     */
    private static SampleSet windows() {
        return new SampleSet(
                4,
                new int[] {2, 3, 2, 4, 0, 0, 3, 5, 1, 5, 1, 5},
                new int[] {2, 2, 3, 2, 0, 0, 2, 4, 2, 2, 2, 2},
                new float[] {30, 5, 60, 1, 0, 0, 45, 10, 20, 20, 20, 20},
                new int[] {5, 2, 3},
                new int[] {10, 20, 30},
                new int[] {1, 2, 3},
                new long[] {100, 200, 300});
    }

    private static NextShowModel newModel(ModelConfig config) {
        IdVocabulary shows = IdVocabulary.fit(new int[] {10, 20, 30, 40});
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(List.of("CHANNEL", "LOOKBACK"));
        return NextShowModel.create(config, shows, assets, 4, 5, Device.cpu());
    }

    /** Sets the gate layer to output the constants {@code seen} and {@code current}. */
    private static void setGates(NextShowModel model, float seen, float current) {
        NDArray weight = gateParameter(model, "weight").getArray();
        weight.set(new float[(int) weight.size()]);
        gateParameter(model, "bias").getArray().set(new float[] {seen, current});
    }

    /** Returns the gate layer's parameter; DJL prefixes child block names with their position. */
    private static Parameter gateParameter(NextShowModel model, String kind) {
        for (var entry : model.block().getParameters()) {
            if (entry.getKey().endsWith("repeat_gate_" + kind)) {
                return entry.getValue();
            }
        }
        throw new AssertionError(
                "no repeat gate " + kind + " in " + model.block().getParameters().keys());
    }

    private static float[][] logits(NextShowModel model) {
        float[][] out = new float[3][SHOWS];
        model.logits(windows(), 0, 3, out);
        return out;
    }

    @Test
    void forward_biasesSeenAndCurrentShows() {
        try (NextShowModel model = newModel(CONFIG)) {
            setGates(model, 0f, 0f);
            float[][] base = logits(model);
            setGates(model, SEEN, CURRENT);
            float[][] biased = logits(model);
            // Window 1 (2 3 2 4): seen 2, 3, 4 once each; current 4.
            float[][] expected = {
                {0, 0, SEEN, SEEN, SEEN + CURRENT, 0},
                // Window 2 (0 0 3 5): padding gets nothing; current 5.
                {0, 0, 0, SEEN, 0, SEEN + CURRENT},
                // Window 3 (1 5 1 5): the unknown index gets nothing; current 5.
                {0, 0, 0, 0, 0, SEEN + CURRENT}
            };
            for (int row = 0; row < 3; row++) {
                for (int show = 0; show < SHOWS; show++) {
                    assertEquals(
                            expected[row][show],
                            biased[row][show] - base[row][show],
                            1e-5f,
                            "window " + (row + 1) + ", show " + show);
                }
            }
        }
    }

    @Test
    void stepLogits_biasOnlyFromStepsSoFar() {
        try (NextShowModel model = newModel(CONFIG);
                NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            // Every step of window 1 (2 3 2 4): flat positions 0 to 3.
            NDArray positions = manager.create(new long[] {0, 1, 2, 3});
            setGates(model, 0f, 0f);
            float[] base = stepLogits(model, manager, positions);
            setGates(model, SEEN, CURRENT);
            float[] biased = stepLogits(model, manager, positions);
            float[][] expected = {
                {0, 0, SEEN + CURRENT, 0, 0, 0},
                {0, 0, SEEN, SEEN + CURRENT, 0, 0},
                {0, 0, SEEN + CURRENT, SEEN, 0, 0},
                {0, 0, SEEN, SEEN, SEEN + CURRENT, 0}
            };
            for (int step = 0; step < 4; step++) {
                for (int show = 0; show < SHOWS; show++) {
                    int at = step * SHOWS + show;
                    assertEquals(
                            expected[step][show],
                            biased[at] - base[at],
                            1e-5f,
                            "step " + step + ", show " + show);
                }
            }
            float[][] last = logits(model);
            for (int show = 0; show < SHOWS; show++) {
                assertEquals(last[0][show], biased[3 * SHOWS + show], 1e-5f, "show " + show);
            }
        }
    }

    @Test
    void gateGradient_countsRepeatedShowOnce() {
        try (NextShowModel model = newModel(CONFIG);
                NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            Parameter gateBias = gateParameter(model, "bias");
            gateBias.getArray().setRequiresGradient(true);
            NDList inputs = WindowBatches.inputs(manager, windows(), null, 0, 1);
            // Step 2 of window 1 has seen (2 3 2): show 2 twice, show 3 once; current show 2.
            NDArray position = manager.create(new long[] {2});
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ParameterStore store = new ParameterStore(manager, false);
                NDArray logits = model.block().stepLogits(store, inputs, position, true);
                NDArray objective = logits.get(":, 2").sum().add(logits.get(":, 3").sum());
                collector.backward(objective);
            }
            float[] gradient = gateBias.getArray().getGradient().toFloatArray();
            // d(logit 2 + logit 3) / d(seen gate) = 1 + 1; / d(current gate) = 1.
            assertEquals(2f, gradient[0], 1e-5f);
            assertEquals(1f, gradient[1], 1e-5f);
        }
    }

    @Test
    void saveAndLoad_keepNewOptions(@TempDir Path dir) {
        ModelConfig config = CONFIG.withInputDropout(0.3f);
        Path target = dir.resolve("model");
        float[][] before;
        try (NextShowModel model = newModel(config)) {
            setGates(model, SEEN, CURRENT);
            before = logits(model);
            model.save(target, "windows", 5, Map.of());
        }
        try (NextShowModel loaded = ModelStore.load(target, Device.cpu())) {
            assertEquals(config, loaded.config());
            float[][] after = logits(loaded);
            for (int row = 0; row < 3; row++) {
                for (int show = 0; show < SHOWS; show++) {
                    assertEquals(before[row][show], after[row][show], 0f);
                }
            }
        }
    }

    @Test
    void load_oldMetadataGivesReference(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model");
        ModelConfig reference = CONFIG.withRepeatBias(false);
        try (NextShowModel model = newModel(reference)) {
            model.save(target, "windows", 5, Map.of());
        }
        Path json = target.resolve(ModelStore.METADATA_FILE);
        String text = Files.readString(json);
        String edited =
                text.replaceAll(",\\s*\"inputDropout\" : [0-9.]+", "")
                        .replaceAll(",\\s*\"repeatBias\" : (true|false)", "")
                        .replaceAll(",\\s*\"tiedOutput\" : (true|false)", "");
        assertFalse(edited.contains("repeatBias"), edited);
        assertFalse(edited.contains("tiedOutput"), edited);
        assertFalse(edited.contains("inputDropout"), edited);
        Files.writeString(json, edited);
        try (NextShowModel loaded = ModelStore.load(target, Device.cpu())) {
            assertEquals(reference, loaded.config());
            assertFalse(loaded.config().repeatBias());
        }
    }

    @Test
    void parameterCount_includesGate() {
        try (NextShowModel plain = newModel(CONFIG.withRepeatBias(false));
                NextShowModel biased = newModel(CONFIG)) {
            assertEquals(2 * (8 + 1), biased.parameterCount() - plain.parameterCount());
        }
        assertTrue(CONFIG.repeatBias());
    }

    private static float[] stepLogits(NextShowModel model, NDManager manager, NDArray positions) {
        NDList inputs = WindowBatches.inputs(manager, windows(), null, 0, 1);
        ParameterStore store = new ParameterStore(manager, false);
        return model.block().stepLogits(store, inputs, positions, false).toFloatArray();
    }
}
