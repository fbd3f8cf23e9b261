package dev.tvrecsys.examples.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import dev.tvrecsys.model.serving.History;
import dev.tvrecsys.model.serving.RecommendOptions;
import dev.tvrecsys.model.serving.Recommendation;
import dev.tvrecsys.model.serving.ShowRecommender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses the serving API as a dependent application does: save a model, load it, serve it. */
class RecommendationServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir static Path dir;
    private static ShowRecommender recommender;
    private static RecommendationServer server;

    @BeforeAll
    static void start() throws Exception {
        Path model = dir.resolve("model");
        ModelConfig config =
                ModelConfig.defaults()
                        .withEmbeddingSizes(4, 3)
                        .withHiddenSize(8)
                        .withWindowLength(3);
        IdVocabulary shows = IdVocabulary.fit(new int[] {10, 20, 30, 40});
        try (NextShowModel created =
                NextShowModel.create(
                        config, shows, AssetTypeVocabulary.fit(List.of()), 4, 1, Device.cpu())) {
            created.save(model, "server test", 1, Map.of());
        }
        EventLog log =
                EventLog.builder("server test", true)
                        .add(7, 1, 10, "VOD", 0, 1, 0, 1, 30)
                        .add(7, 1, 20, "VOD", 0, 2, 0, 2, 15)
                        .build();
        ShowRecommender.saveViewerWindows(model, log);
        ShowRecommender.savePopularity(model, new float[] {0, 0, 5, 3, 9, 1});
        recommender = ShowRecommender.load(model, Device.cpu());
        server = new RecommendationServer(recommender, 0, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
        recommender.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return CLIENT.send(
                HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/recommendations");
        HttpRequest request =
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void server_bindsLoopbackOnly() {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
    }

    @Test
    void health_returnsScorerAndViewers() throws Exception {
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("lstm", body.get("scorer").asText());
        assertEquals(1, body.get("viewers").asInt());
    }

    @Test
    void viewer_matchesLibraryCall() throws Exception {
        HttpResponse<String> response = get("/recommendations/7?k=3");
        assertEquals(200, response.statusCode());
        JsonNode items = JSON.readTree(response.body()).get("recommendations");
        List<Recommendation> expected =
                recommender.recommendForViewer(7, 3, RecommendOptions.defaults());
        assertEquals(3, items.size());
        for (int r = 0; r < 3; r++) {
            assertEquals(expected.get(r).showId(), items.get(r).get("showId").asInt());
            // The server scores on another thread, where PyTorch's CPU kernels may round the last
            // bits differently.
            assertEquals(
                    expected.get(r).score(), (float) items.get(r).get("score").asDouble(), 1e-5f);
        }
    }

    @Test
    void viewer_unknownGives404() throws Exception {
        HttpResponse<String> response = get("/recommendations/99");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("viewer 99 not found"), response.body());
    }

    @Test
    void viewer_badIdOrKGives400() throws Exception {
        HttpResponse<String> badId = get("/recommendations/abc");
        assertEquals(400, badId.statusCode());
        assertTrue(badId.body().contains("viewerId must be an integer"), badId.body());
        HttpResponse<String> badK = get("/recommendations/7?k=0");
        assertEquals(400, badK.statusCode());
        assertTrue(badK.body().contains("k must be in [1, 1000], found 0"), badK.body());
    }

    @Test
    void post_historyMatchesLibraryCall() throws Exception {
        String body =
                "{\"k\": 2, \"excludeWatched\": true, \"history\": [{\"showId\": 10, \"assetType\":"
                    + " \"VOD\", \"watchMinutes\": 30, \"time\": 1},{\"showId\": 99, \"assetType\":"
                    + " \"CHANNEL\", \"watchMinutes\": 5, \"time\": 2}]}";
        HttpResponse<String> response = post(body);
        assertEquals(200, response.statusCode(), response.body());
        History history = History.builder().add(10, "VOD", 30, 1).add(99, "CHANNEL", 5, 2).build();
        List<Recommendation> expected =
                recommender.recommend(
                        history, 2, RecommendOptions.builder().excludeWatched(true).build());
        JsonNode items = JSON.readTree(response.body()).get("recommendations");
        assertEquals(2, items.size());
        assertEquals(expected.get(0).showId(), items.get(0).get("showId").asInt());
        assertEquals(expected.get(1).showId(), items.get(1).get("showId").asInt());
    }

    @Test
    void post_emptyHistoryUsesPopularity() throws Exception {
        HttpResponse<String> response = post("{\"k\": 2, \"history\": []}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode items = JSON.readTree(response.body()).get("recommendations");
        assertEquals(30, items.get(0).get("showId").asInt());
        assertEquals(10, items.get(1).get("showId").asInt());
    }

    @Test
    void post_invalidBodiesGive400() throws Exception {
        Map<String, String> cases =
                Map.of(
                        "not json",
                        "body is not valid JSON",
                        "[1]",
                        "body must be a JSON object",
                        "{\"history\": 3}",
                        "history must be an array",
                        "{\"history\": [{\"showId\": 1, \"assetType\": \"VOD\","
                                + " \"watchMinutes\": -1, \"time\": 1}]}",
                        "watchMinutes[0] must be finite and not negative",
                        "{\"history\": [{\"showId\": \"x\"}]}",
                        "history[0].assetType must be",
                        "{\"k\": 5000, \"history\": []}",
                        "k must be in [1, 1000]");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            HttpResponse<String> response = post(entry.getKey());
            assertEquals(400, response.statusCode(), entry.getKey());
            String error = JSON.readTree(response.body()).get("error").asText();
            assertTrue(error.contains(entry.getValue()), entry.getKey() + " gave " + error);
        }
    }

    @Test
    void post_oversizedBodyGives413() throws Exception {
        String body = "{\"history\": [], \"pad\": \"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> response = post(body);
        assertEquals(413, response.statusCode());
        HttpResponse<String> after = get("/health");
        assertEquals(200, after.statusCode());
    }

    @Test
    void wrongMethodGives405() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/health");
        HttpRequest request =
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("")).build();
        assertEquals(405, CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void loadTest_reportsLatencies() throws Exception {
        // -Dloadtest.requests=2000 -Dloadtest.threads=8 gives the full run of LoadTest.main.
        int requests = Integer.getInteger("loadtest.requests", 200);
        int threads = Integer.getInteger("loadtest.threads", 4);
        LoadTest.Result result = LoadTest.run("127.0.0.1", server.port(), requests, threads, 60);
        assertEquals(requests, result.requests());
        assertEquals(0, result.failures());
        assertTrue(result.p50Millis() <= result.p99Millis(), result.toString());
    }
}
