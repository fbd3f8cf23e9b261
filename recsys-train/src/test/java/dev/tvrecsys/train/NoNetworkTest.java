package dev.tvrecsys.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.Split;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import dev.tvrecsys.model.serving.History;
import dev.tvrecsys.model.serving.RecommendOptions;
import dev.tvrecsys.model.serving.Recommendation;
import dev.tvrecsys.model.serving.ShowRecommender;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that starting the engine, training, saving, loading and scoring request no URL.
 *
 * <p>The check replaces the JVM-wide {@link ProxySelector}, which {@code URL.openConnection} and
 * {@code java.net.http.HttpClient} consult for every http and https connection. DJL downloads
 * through {@code URL.openConnection}. It records each URI and fails the connection. It covers
 * Java-level URL connections only: a plain {@code java.net.Socket} or a connection that the native
 * PyTorch library opens itself would not be seen. When another test in the same JVM has already
 * started the engine, the engine start is not covered again.
 */
class NoNetworkTest {

    /** Records the URI of every connection attempt and rejects the attempt. */
    private static final class RecordingSelector extends ProxySelector {
        final List<URI> requested = new CopyOnWriteArrayList<>();

        @Override
        public List<Proxy> select(URI uri) {
            requested.add(uri);
            throw new IllegalStateException("network access to " + uri + " during the test");
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            requested.add(uri);
        }
    }

    @Test
    void trainSaveLoadPredict_requestNoUri(@TempDir Path dir) {
        RecordingSelector selector = new RecordingSelector();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(selector);
        List<Recommendation> top;
        try {
            top = trainSaveLoadPredict(dir.resolve("model"));
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertEquals(List.of(), selector.requested);
        assertEquals(3, top.size());
    }

    @Test
    void selector_seesUrlConnection() throws IOException {
        RecordingSelector selector = new RecordingSelector();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(selector);
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create("http://127.0.0.1:9/").toURL().openConnection();
            assertThrows(IllegalStateException.class, connection::connect);
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertEquals(List.of(URI.create("http://127.0.0.1:9/")), selector.requested);
    }

    private static List<Recommendation> trainSaveLoadPredict(Path model) {
        Engines.start();
        EventLog.Builder builder = EventLog.builder("no network", true);
        for (int viewer = 1; viewer <= 20; viewer++) {
            for (int t = 0; t < 8; t++) {
                builder.add(viewer, t, 100 + (viewer + t) % 6, "VOD", 0, t, 0, t, 10);
            }
        }
        EventLog log = builder.build();

        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet all = Windowing.everyPrefix(3).samples(ViewerHistories.of(log), shows, assets);
        Split split = Split.reference(all.size());

        ModelConfig config =
                ModelConfig.defaults()
                        .withEmbeddingSizes(4, 2)
                        .withHiddenSize(8)
                        .withWindowLength(3);
        TrainingConfig training = TrainingConfig.defaults().withEpochs(1).withBatchSize(16);
        try (NextShowModel created =
                NextShowModel.create(config, shows, assets, 1, 42, Device.cpu())) {
            new NextShowTrainer(training, List.of())
                    .fit(created, all.subset(split.train()), all.subset(split.validation()));
            created.save(model, "no network", 42, Map.of());
        }

        History history = History.builder().add(100, "VOD", 10, 1).add(101, "VOD", 10, 2).build();
        try (ShowRecommender recommender = ShowRecommender.load(model, Device.cpu())) {
            List<Recommendation> top =
                    recommender.recommend(history, 3, RecommendOptions.defaults());
            assertTrue(top.get(0).score() >= top.get(2).score(), top.toString());
            return top;
        }
    }
}
