package dev.tvrecsys.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiedOutputTest {

    private static final int SHOWS = 5;
    private static final int EMBEDDING = 4;
    private static final int HIDDEN = 8;

    private static final ModelConfig TIED =
            ModelConfig.defaults()
                    .withEmbeddingSizes(EMBEDDING, 3)
                    .withHiddenSize(HIDDEN)
                    .withWindowLength(3)
                    .withTiedOutput(true);

    /** Windows of show indices (0 2 3) and (4 3 2). */
    private static SampleSet windows() {
        return new SampleSet(
                3,
                new int[] {0, 2, 3, 4, 3, 2},
                new int[] {0, 2, 3, 2, 2, 4},
                new float[] {0, 30, 5, 60, 1, 45},
                new int[] {4, 2},
                new int[] {30, 10},
                new int[] {7, 8},
                new long[] {100, 200});
    }

    private static NextShowModel newModel(ModelConfig config) {
        IdVocabulary shows = IdVocabulary.fit(new int[] {10, 20, 30});
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(List.of("CHANNEL", "LOOKBACK"));
        return NextShowModel.create(config, shows, assets, 1, 9, Device.cpu());
    }

    private static Parameter parameter(NextShowModel model, String suffix) {
        for (var entry : model.block().getParameters()) {
            if (entry.getKey().endsWith(suffix)) {
                return entry.getValue();
            }
        }
        throw new AssertionError(
                "no parameter " + suffix + " in " + model.block().getParameters().keys());
    }

    @Test
    void logits_areProjectionDotShowEmbeddingPlusBias() {
        try (NextShowModel model = newModel(TIED)) {
            // A zero projection weight makes the projected vector its bias p, for every input.
            Parameter weight = parameter(model, "output_projection_weight");
            weight.getArray().set(new float[HIDDEN * EMBEDDING]);
            float[] p = {0.5f, -1f, 2f, 0.25f};
            parameter(model, "output_projection_bias").getArray().set(p);
            float[] b = {0f, 0f, 0.1f, -0.2f, 0.3f};
            parameter(model, "output_bias").getArray().set(b);
            float[] embedding = parameter(model, "show_embedding").getArray().toFloatArray();

            float[][] out = new float[2][SHOWS];
            model.logits(windows(), 0, 2, out);
            for (int show = 0; show < SHOWS; show++) {
                float expected = b[show];
                for (int d = 0; d < EMBEDDING; d++) {
                    expected += p[d] * embedding[show * EMBEDDING + d];
                }
                assertEquals(expected, out[0][show], 1e-5f, "window 1, show " + show);
                assertEquals(expected, out[1][show], 1e-5f, "window 2, show " + show);
            }
        }
    }

    @Test
    void parameterCount_tiedReplacesOutputLayer() {
        try (NextShowModel tied = newModel(TIED);
                NextShowModel untied = newModel(TIED.withTiedOutput(false))) {
            // Untied output: HIDDEN x SHOWS weights + SHOWS biases. Tied: a HIDDEN x EMBEDDING
            // projection + EMBEDDING biases, and SHOWS output biases.
            long untiedOutput = (long) HIDDEN * SHOWS + SHOWS;
            long tiedOutput = (long) HIDDEN * EMBEDDING + EMBEDDING + SHOWS;
            assertEquals(
                    untiedOutput - tiedOutput, untied.parameterCount() - tied.parameterCount());
        }
    }

    @Test
    void saveAndLoad_keepTiedOutput(@TempDir Path dir) {
        ModelConfig config = TIED.withRepeatBias(true);
        Path target = dir.resolve("model");
        float[][] before = new float[2][SHOWS];
        try (NextShowModel model = newModel(config)) {
            model.logits(windows(), 0, 2, before);
            model.save(target, "windows", 9, Map.of());
        }
        try (NextShowModel loaded = ModelStore.load(target, Device.cpu())) {
            assertEquals(config, loaded.config());
            float[][] after = new float[2][SHOWS];
            loaded.logits(windows(), 0, 2, after);
            for (int row = 0; row < 2; row++) {
                for (int show = 0; show < SHOWS; show++) {
                    assertEquals(before[row][show], after[row][show], 0f);
                }
            }
        }
    }
}
