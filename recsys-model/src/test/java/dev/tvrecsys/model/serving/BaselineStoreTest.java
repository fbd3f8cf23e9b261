package dev.tvrecsys.model.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.eval.Recommender;
import dev.tvrecsys.model.ModelFormatException;
import dev.tvrecsys.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {

    // Show ids 10..50 have indices 2..6, so index = id / 10 + 1.
    private static final IdVocabulary SHOWS = IdVocabulary.fit(new int[] {10, 20, 30, 40, 50});
    private static final AssetTypeVocabulary ASSETS = AssetTypeVocabulary.fit(List.of());
    private static final int SHOW_COUNT = 7;
    private static final int WINDOW = 3;

    /**
     * Five samples with windows of 3 and distinct target times: [pad, 10, 20] -> 30 at 100, [10,
     * 20, 30] -> 40 at 200, [pad, pad, 30] -> 10 at 300, [20, 30, 40] -> 50 at 400 and [pad, 50,
     * 10] -> 20 at 500. Every show is a target once.
     */
    private static SampleSet train() {
        int[] shows = {0, 2, 3, 2, 3, 4, 0, 0, 4, 3, 4, 5, 0, 6, 2};
        return new SampleSet(
                WINDOW,
                shows,
                new int[shows.length],
                new float[shows.length],
                new int[] {4, 5, 2, 6, 3},
                new int[] {30, 40, 10, 50, 20},
                new int[] {1, 2, 3, 4, 5},
                new long[] {100, 200, 300, 400, 500});
    }

    private static List<BaselineSpec> everyKind() {
        return List.of(
                BaselineSpec.mostPopular(true),
                BaselineSpec.mostPopularRecent(0.4),
                BaselineSpec.markov(false),
                BaselineSpec.recentHistory(0.5f),
                BaselineSpec.coOccurrence(0.8f),
                BaselineSpec.sessionKnn(2, 10, false),
                BaselineSpec.sessionKnn(2, 10, true));
    }

    private static History history(int... showIds) {
        History.Builder builder = History.builder();
        for (int i = 0; i < showIds.length; i++) {
            builder.add(showIds[i], "VOD", 10f, 100L + i);
        }
        return builder.build();
    }

    /** Ranks the fitted baseline's scores of the newest 3 shows of {@code showIds} by hand. */
    private static List<Recommendation> expected(Recommender fitted, int k, int... showIds) {
        int[] window = new int[WINDOW];
        int inputs = Math.min(WINDOW, showIds.length);
        for (int j = 0; j < inputs; j++) {
            window[WINDOW - inputs + j] = showIds[showIds.length - inputs + j] / 10 + 1;
        }

        SampleSet query =
                new SampleSet(
                        WINDOW,
                        window,
                        new int[WINDOW],
                        new float[WINDOW],
                        new int[] {SampleSet.NO_TARGET},
                        new int[] {SampleSet.NO_TARGET},
                        new int[] {0},
                        new long[] {0});
        float[][] row = new float[1][SHOW_COUNT];
        fitted.score(query, 0, 1, row);

        List<Integer> indices = new ArrayList<>();
        for (int index = IdVocabulary.RESERVED; index < SHOW_COUNT; index++) {
            indices.add(index);
        }
        // Higher score first, then the lower index, as TopK breaks ties.
        indices.sort(
                Comparator.comparingDouble((Integer index) -> -row[0][index])
                        .thenComparingInt(index -> index));

        List<Recommendation> result = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int index = indices.get(r);
            result.add(new Recommendation((index - 1) * 10, row[0][index]));
        }
        return result;
    }

    @Test
    void everyKind_loadedScoresEqualFitted(@TempDir Path dir) {
        int[][] histories = {{20}, {10, 30}, {50, 10, 20, 40}};
        for (BaselineSpec spec : everyKind()) {
            Recommender fitted = spec.fit(train(), SHOW_COUNT);
            Path target = dir.resolve(spec.kind() + "-" + spec.parameters().hashCode());
            BaselineStore.save(target, spec, train(), SHOWS, ASSETS, WINDOW);
            try (ShowRecommender loaded = ShowRecommender.load(target, Device.cpu())) {
                assertEquals(fitted.name(), loaded.name(), spec.toString());
                for (int[] showIds : histories) {
                    assertEquals(
                            expected(fitted, 5, showIds),
                            loaded.recommend(history(showIds), 5, RecommendOptions.defaults()),
                            spec + " after " + java.util.Arrays.toString(showIds));
                }
            }
        }
    }

    @Test
    void recentHistory_scoresWindowShowsFirst(@TempDir Path dir) {
        Path target = dir.resolve("recent");
        BaselineStore.save(
                target, BaselineSpec.recentHistory(0.5f), train(), SHOWS, ASSETS, WINDOW);
        try (ShowRecommender loaded = ShowRecommender.load(target, Device.cpu())) {
            List<Recommendation> top =
                    loaded.recommend(history(20), 2, RecommendOptions.defaults());
            // 20 scores 1 + 0.5^0; every show is a target once, so the others back off to 0.5.
            assertEquals(new Recommendation(20, 2f), top.get(0));
            assertEquals(new Recommendation(10, 0.5f), top.get(1));
        }
    }

    @Test
    void mostPopularRecent_emptyHistoryUsesRecentCounts(@TempDir Path dir) {
        Path target = dir.resolve("recent-popular");
        BaselineStore.save(
                target, BaselineSpec.mostPopularRecent(0.4), train(), SHOWS, ASSETS, WINDOW);
        try (ShowRecommender loaded = ShowRecommender.load(target, Device.cpu())) {
            assertEquals("most-popular-recent", loaded.name());
            // ceil(0.4 * 5) = 2 newest samples, at 400 and 500, have the targets 50 and 20.
            List<Recommendation> top =
                    loaded.recommend(History.empty(), 3, RecommendOptions.defaults());
            assertEquals(new Recommendation(20, 1f), top.get(0));
            assertEquals(new Recommendation(50, 1f), top.get(1));
            assertEquals(new Recommendation(10, 0f), top.get(2));
        }
    }

    @Test
    void sessionKnn_emptyHistoryUsesTargetCounts(@TempDir Path dir) {
        Path target = dir.resolve("sknn");
        BaselineStore.save(
                target, BaselineSpec.sessionKnn(2, 10, false), train(), SHOWS, ASSETS, WINDOW);
        try (ShowRecommender loaded = ShowRecommender.load(target, Device.cpu())) {
            List<Recommendation> top =
                    loaded.recommend(History.empty(), 2, RecommendOptions.defaults());
            assertEquals(new Recommendation(10, 1f), top.get(0));
            assertEquals(new Recommendation(20, 1f), top.get(1));
        }
    }

    @Test
    void save_writesSpecAndSamplesOnly(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("cooc");
        BaselineStore.save(target, BaselineSpec.coOccurrence(0.8f), train(), SHOWS, ASSETS, WINDOW);
        JsonNode json = ModelStore.json().readTree(target.resolve(BaselineStore.FILE).toFile());
        assertEquals(2, json.get("formatVersion").asInt());
        assertEquals(0.8, json.get("spec").get("parameters").get("decay").asDouble());
        assertEquals(64, json.get("samplesSha256").asText().length());
        assertFalse(json.has("popularity"), json.toString());
        // Header of 16 bytes, 15 window steps of 12 bytes, 5 samples of 20 bytes.
        assertEquals(16 + 15 * 12 + 5 * 20, Files.size(target.resolve(SampleSetFile.FILE)));
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "staging directory left behind");
        }
    }

    @Test
    void save_markovKeepsFormatVersionOne(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("markov");
        BaselineStore.save(target, BaselineSpec.markov(true), train(), SHOWS, ASSETS, WINDOW);
        JsonNode json = ModelStore.json().readTree(target.resolve(BaselineStore.FILE).toFile());
        assertEquals(1, json.get("formatVersion").asInt());
        assertFalse(json.has("spec"), json.toString());
        assertFalse(json.has("samplesSha256"), json.toString());
        assertFalse(Files.exists(target.resolve(SampleSetFile.FILE)));
    }

    @Test
    void load_unknownSpecKindNamesFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("cooc");
        BaselineStore.save(target, BaselineSpec.coOccurrence(0.8f), train(), SHOWS, ASSETS, WINDOW);
        Path file = target.resolve(BaselineStore.FILE);
        Files.writeString(file, Files.readString(file).replace("co-occurrence", "item-knn"));
        ModelFormatException e =
                assertThrows(
                        ModelFormatException.class,
                        () -> ShowRecommender.load(target, Device.cpu()));
        assertTrue(e.getMessage().contains(BaselineStore.FILE), e.getMessage());
        assertTrue(e.getMessage().contains("item-knn"), e.getMessage());
    }

    @Test
    void save_replacesExistingDirectory(@TempDir Path dir) {
        Path target = dir.resolve("baseline");
        BaselineStore.save(target, BaselineSpec.sessionKnn(2, 10, true), train(), SHOWS, ASSETS, 3);
        BaselineStore.save(target, BaselineSpec.mostPopular(false), train(), SHOWS, ASSETS, 3);
        assertFalse(Files.exists(target.resolve(SampleSetFile.FILE)));
        try (ShowRecommender loaded = ShowRecommender.load(target, Device.cpu())) {
            assertEquals("most-popular", loaded.name());
        }
    }

    @Test
    void load_corruptSamplesFailChecksum(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sknn");
        BaselineStore.save(
                target, BaselineSpec.sessionKnn(2, 10, false), train(), SHOWS, ASSETS, WINDOW);
        Path samples = target.resolve(SampleSetFile.FILE);
        byte[] bytes = Files.readAllBytes(samples);
        bytes[20] ^= 1;
        Files.write(samples, bytes);
        ModelFormatException e =
                assertThrows(
                        ModelFormatException.class,
                        () -> ShowRecommender.load(target, Device.cpu()));
        assertTrue(e.getMessage().contains(SampleSetFile.FILE), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void load_missingSamplesNamesFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("cooc");
        BaselineStore.save(target, BaselineSpec.coOccurrence(0.8f), train(), SHOWS, ASSETS, WINDOW);
        Files.delete(target.resolve(SampleSetFile.FILE));
        ModelFormatException e =
                assertThrows(
                        ModelFormatException.class,
                        () -> ShowRecommender.load(target, Device.cpu()));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void save_rejectsWindowLengthMismatch(@TempDir Path dir) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                BaselineStore.save(
                                        dir.resolve("x"),
                                        BaselineSpec.coOccurrence(0.8f),
                                        train(),
                                        SHOWS,
                                        ASSETS,
                                        4));
        assertTrue(e.getMessage().contains("windowLength is 4"), e.getMessage());
    }

    @Test
    void spec_rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> BaselineSpec.recentHistory(0f));
        assertThrows(IllegalArgumentException.class, () -> BaselineSpec.sessionKnn(0, 10, false));
        assertThrows(IllegalArgumentException.class, () -> BaselineSpec.mostPopularRecent(1.5));
        IllegalArgumentException unknown =
                assertThrows(
                        IllegalArgumentException.class, () -> new BaselineSpec("lstm", Map.of()));
        assertTrue(unknown.getMessage().contains("sknn"), unknown.getMessage());
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new BaselineSpec(BaselineSpec.SKNN, Map.of("neighbours", 3)));
        assertTrue(missing.getMessage().contains("sampleSize"), missing.getMessage());
    }
}
