package dev.tvrecsys.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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

class NextShowModelTest {

    private static final ModelConfig SMALL =
            ModelConfig.defaults().withEmbeddingSizes(4, 3).withHiddenSize(8).withWindowLength(3);

    private static SampleSet twoWindows() {
        // Window 1: padding, show index 2, show index 3. Window 2: three known shows.
        int[] shows = {0, 2, 3, 4, 3, 2};
        int[] assets = {0, 2, 3, 2, 2, 4};
        float[] minutes = {0, 30, 5, 60, 1, 45};
        return new SampleSet(
                3,
                shows,
                assets,
                minutes,
                new int[] {4, 2},
                new int[] {30, 10},
                new int[] {7, 8},
                new long[] {100, 200});
    }

    private static NextShowModel newModel(long seed) {
        IdVocabulary shows = IdVocabulary.fit(new int[] {10, 20, 30});
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(List.of("CHANNEL", "LOOKBACK"));
        return NextShowModel.create(SMALL, shows, assets, 4, seed, Device.cpu());
    }

    @Test
    void logits_haveOneRowPerSampleAndOneColumnPerShow() {
        try (NextShowModel model = newModel(1)) {
            float[][] out = new float[2][5];
            model.logits(twoWindows(), 0, 2, out);
            assertEquals(5, model.shows().size());
            assertFalse(out[0][2] == 0f && out[0][3] == 0f, "logits should not be all zero");
            assertFalse(java.util.Arrays.equals(out[0], out[1]), "different windows, same logits");
        }
    }

    @Test
    void create_sameSeedGivesSameWeights() {
        float[][] first = new float[2][5];
        float[][] second = new float[2][5];
        float[][] other = new float[2][5];
        try (NextShowModel a = newModel(7);
                NextShowModel b = newModel(7);
                NextShowModel c = newModel(8)) {
            a.logits(twoWindows(), 0, 2, first);
            b.logits(twoWindows(), 0, 2, second);
            c.logits(twoWindows(), 0, 2, other);
        }
        assertArrayEquals(first[0], second[0], 0f);
        assertArrayEquals(first[1], second[1], 0f);
        assertFalse(java.util.Arrays.equals(first[0], other[0]), "seed 8 gave seed 7's weights");
    }

    @Test
    void saveAndLoad_giveIdenticalScores(@TempDir Path dir) {
        Path target = dir.resolve("model");
        float[][] before = new float[2][5];
        try (NextShowModel model = newModel(3)) {
            model.logits(twoWindows(), 0, 2, before);
            model.save(target, "test windows", 3, Map.of("recall@10", 0.5));
        }
        assertTrue(Files.exists(target.resolve(ModelStore.PARAMETERS_FILE)));
        try (NextShowModel loaded = ModelStore.load(target, Device.cpu())) {
            float[][] after = new float[2][5];
            loaded.logits(twoWindows(), 0, 2, after);
            assertArrayEquals(before[0], after[0], 0f);
            assertArrayEquals(before[1], after[1], 0f);
            assertEquals(
                    List.of("CHANNEL", "RECORDING", "VOD", "LOOKBACK"), loaded.assets().names());
            assertEquals(4, loaded.windowStride());
        }
        ModelMetadata metadata = ModelStore.readMetadata(target);
        assertEquals("test windows", metadata.dataSource());
        assertEquals(0.5, ((Number) metadata.metrics().get("recall@10")).doubleValue(), 0.0);
    }

    @Test
    void save_replacesExistingDirectoryWithoutLeftovers(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model");
        try (NextShowModel model = newModel(3)) {
            model.save(target, "first", 3, Map.of());
            model.save(target, "second", 3, Map.of());
        }
        assertEquals("second", ModelStore.readMetadata(target).dataSource());
        try (var entries = Files.list(dir)) {
            assertEquals(List.of(target), entries.toList());
        }
    }

    @Test
    void load_rejectsCorruptParameters(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model");
        try (NextShowModel model = newModel(3)) {
            model.save(target, "src", 3, Map.of());
        }
        Path parameters = target.resolve(ModelStore.PARAMETERS_FILE);
        byte[] bytes = Files.readAllBytes(parameters);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(parameters, bytes);
        ModelFormatException error =
                assertThrows(
                        ModelFormatException.class, () -> ModelStore.load(target, Device.cpu()));
        assertTrue(error.getMessage().contains("SHA-256"), error.getMessage());
    }

    @Test
    void load_rejectsMissingDirectory(@TempDir Path dir) {
        ModelFormatException error =
                assertThrows(
                        ModelFormatException.class,
                        () -> ModelStore.load(dir.resolve("absent"), Device.cpu()));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void load_rejectsVocabularyThatDoesNotFitParameters(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model");
        try (NextShowModel model = newModel(3)) {
            model.save(target, "src", 3, Map.of());
        }
        Path json = target.resolve(ModelStore.METADATA_FILE);
        String text = Files.readString(json);
        String edited = text.replaceFirst("\"showIds\" : \\[ 10,", "\"showIds\" : [ 5, 10,");
        assertFalse(text.equals(edited), "the edit did not apply: " + text);
        Files.writeString(json, edited);
        ModelFormatException error =
                assertThrows(
                        ModelFormatException.class, () -> ModelStore.load(target, Device.cpu()));
        assertTrue(
                error.getMessage().contains("rows") || error.getMessage().contains("match"),
                error.getMessage());
    }

    @Test
    void config_rejectsInvalidDropout() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> SMALL.withDropout(1.5f));
        assertEquals("dropout must be in [0, 1), found 1.5", error.getMessage());
    }

    @Test
    void stepLogits_causalAndMatchForward() {
        SampleSet windows = twoWindows();
        // The same windows with the last step of each replaced by other shows, assets and minutes.
        SampleSet changed =
                new SampleSet(
                        3,
                        new int[] {0, 2, 4, 4, 3, 4},
                        new int[] {0, 2, 2, 2, 2, 2},
                        new float[] {0, 30, 90, 60, 1, 0},
                        new int[] {4, 2},
                        new int[] {30, 10},
                        new int[] {7, 8},
                        new long[] {100, 200});
        try (NextShowModel model = newModel(3);
                NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            float[][] last = new float[2][5];
            model.logits(windows, 0, 2, last);
            // Flat positions row * 3 + step: window 1 steps 1 and 2, window 2 steps 0, 1 and 2.
            NDArray positions = manager.create(new long[] {1, 2, 3, 4, 5});
            float[] steps = stepLogits(model, manager, windows, positions);
            float[] stepsChanged = stepLogits(model, manager, changed, positions);
            assertEquals(25, steps.length);
            for (int show = 0; show < 5; show++) {
                assertEquals(last[0][show], steps[5 + show], 1e-5f, "window 1, show " + show);
                assertEquals(last[1][show], steps[20 + show], 1e-5f, "window 2, show " + show);
            }
            // Rows 0, 2 and 3 are steps before the changed last step; rows 1 and 4 are last steps.
            for (int row : new int[] {0, 2, 3}) {
                for (int show = 0; show < 5; show++) {
                    assertEquals(steps[row * 5 + show], stepsChanged[row * 5 + show], 0f);
                }
            }
            // The changed last steps give other logits for both windows.
            assertFalse(
                    java.util.Arrays.equals(steps, 5, 10, stepsChanged, 5, 10),
                    "window 1, last step");
            assertFalse(
                    java.util.Arrays.equals(steps, 20, 25, stepsChanged, 20, 25),
                    "window 2, last step");
        }
    }

    private static float[] stepLogits(
            NextShowModel model, NDManager manager, SampleSet samples, NDArray positions) {
        NDList inputs = WindowBatches.inputs(manager, samples, null, 0, samples.size());
        ParameterStore store = new ParameterStore(manager, false);
        return model.block().stepLogits(store, inputs, positions, false).toFloatArray();
    }
}
