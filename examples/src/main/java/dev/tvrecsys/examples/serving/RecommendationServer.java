package dev.tvrecsys.examples.serving;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tvrecsys.examples.JobOptions;
import dev.tvrecsys.examples.JvmSetup;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.serving.History;
import dev.tvrecsys.model.serving.RecommendOptions;
import dev.tvrecsys.model.serving.Recommendation;
import dev.tvrecsys.model.serving.ShowRecommender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP front end for a {@link ShowRecommender}, on the JDK's {@link HttpServer}, bound to
 * 127.0.0.1.
 *
 * <ul>
 *   <li>{@code GET /health}: 200 with the scorer name and viewer count.
 *   <li>{@code GET /recommendations/{viewerId}?k=10}: top k for a stored viewer; 404 if unknown.
 *   <li>{@code POST /recommendations}: top k for a JSON body {@code {"k": 10, "history":
 *       [{"showId": 1, "assetType": "VOD", "watchMinutes": 30, "time": 100}], "excludeWatched":
 *       true, "excludeShowIds": [], "candidateShowIds": []}}, events oldest first.
 * </ul>
 *
 * <p>Invalid requests get 400 and {@code {"error": "..."}}; any other exception is logged and
 * returns 500, and the server keeps running. Bodies over {@value #MAX_BODY_BYTES} bytes get 413.
 *
 * <p>Run: {@code java -cp examples.jar dev.tvrecsys.examples.serving.RecommendationServer --model
 * DIR [--port 8080] [--threads 4]}.
 */
public final class RecommendationServer implements AutoCloseable {

    /** Maximum request body size in bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Maximum k a request may ask for. */
    public static final int MAX_K = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShowRecommender recommender;
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param recommender the recommender to serve; the caller closes it after the server
     * @param port TCP port, or 0 for any free port
     * @param threads request handler threads, positive
     * @throws IOException if the port cannot be bound
     * @throws IllegalArgumentException if threads is not positive or the port is out of range
     */
    public RecommendationServer(ShowRecommender recommender, int port, int threads)
            throws IOException {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, found " + threads);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], found " + port);
        }
        this.recommender = recommender;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/health", this::handleHealth);
        server.createContext("/recommendations", this::handleRecommendations);
        server.start();
        LOG.info(
                "Serving {} on http://127.0.0.1:{} with {} threads",
                recommender.name(),
                port(),
                threads);
    }

    /** Returns the bound address, which is the loopback address. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Returns the bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests, waits up to one second for running ones, and stops the pool. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Server on port {} stopped", port());
    }

    private void handleHealth(HttpExchange exchange) throws IOException {
        handle(
                exchange,
                () -> {
                    requireMethod(exchange, "GET");
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", "ok");
                    body.put("scorer", recommender.name());
                    body.put("viewers", recommender.viewerCount());
                    return body;
                });
    }

    private void handleRecommendations(HttpExchange exchange) throws IOException {
        handle(
                exchange,
                () -> {
                    String path = exchange.getRequestURI().getPath();
                    if (path.equals("/recommendations") || path.equals("/recommendations/")) {
                        requireMethod(exchange, "POST");
                        return recommendHistory(readBody(exchange));
                    }
                    requireMethod(exchange, "GET");
                    String idText = path.substring("/recommendations/".length());
                    int viewerId = parseInt("viewerId", idText);
                    int k = parseK(exchange.getRequestURI());
                    List<Recommendation> items =
                            recommender.recommendForViewer(
                                    viewerId, k, RecommendOptions.defaults());
                    return Map.of("viewerId", viewerId, "recommendations", items);
                });
    }

    private Object recommendHistory(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("body must be a JSON object with a history array");
        }
        int k = root.has("k") ? requireInt(root.get("k"), "k") : 10;
        checkK(k);
        JsonNode events = root.get("history");
        if (events == null || !events.isArray()) {
            throw new BadRequest("history must be an array of events, oldest first");
        }
        History.Builder history = History.builder();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String where = "history[" + i + "].";
            JsonNode asset = event.get("assetType");
            if (asset == null || !asset.isTextual()) {
                throw new BadRequest(where + "assetType must be a string");
            }
            history.add(
                    requireInt(event.get("showId"), where + "showId"),
                    asset.asText(),
                    (float) requireNumber(event.get("watchMinutes"), where + "watchMinutes"),
                    requireLong(event.get("time"), where + "time"));
        }
        RecommendOptions.Builder options = RecommendOptions.builder();
        if (root.has("excludeWatched")) {
            JsonNode flag = root.get("excludeWatched");
            if (!flag.isBoolean()) {
                throw new BadRequest("excludeWatched must be true or false");
            }
            options.excludeWatched(flag.booleanValue());
        }
        if (root.has("excludeShowIds")) {
            options.excludeShowIds(intArray(root.get("excludeShowIds"), "excludeShowIds"));
        }
        if (root.has("candidateShowIds")) {
            options.candidateShowIds(intArray(root.get("candidateShowIds"), "candidateShowIds"));
        }
        return Map.of(
                "recommendations", recommender.recommend(history.build(), k, options.build()));
    }

    /** Runs a handler body and maps its outcome to a status code and a JSON body. */
    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        int status;
        Object body;
        try {
            body = handler.run();
            status = 200;
        } catch (BadRequest e) {
            status = e.status;
            body = Map.of("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            status = 400;
            body = Map.of("error", e.getMessage());
        } catch (NoSuchElementException e) {
            status = 404;
            body = Map.of("error", e.getMessage());
        } catch (RuntimeException | IOException e) {
            LOG.error(
                    "Request {} {} failed",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    e);
            status = 500;
            body = Map.of("error", "internal error; see the server log");
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new BadRequest(
                        413, "request body exceeds the maximum of " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static void requireMethod(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equals(method)) {
            throw new BadRequest(
                    405,
                    exchange.getRequestURI().getPath()
                            + " accepts "
                            + method
                            + ", found "
                            + exchange.getRequestMethod());
        }
    }

    private static int parseK(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return 10;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("k=")) {
                int k = parseInt("k", pair.substring(2));
                checkK(k);
                return k;
            }
        }
        return 10;
    }

    private static void checkK(int k) {
        if (k <= 0 || k > MAX_K) {
            throw new BadRequest("k must be in [1, " + MAX_K + "], found " + k);
        }
    }

    private static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be an integer, found '" + text + "'");
        }
    }

    private static int requireInt(JsonNode node, String name) {
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new BadRequest(name + " must be an integer, found " + node);
        }
        return node.intValue();
    }

    private static long requireLong(JsonNode node, String name) {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new BadRequest(name + " must be an integer, found " + node);
        }
        return node.longValue();
    }

    private static double requireNumber(JsonNode node, String name) {
        if (node == null || !node.isNumber()) {
            throw new BadRequest(name + " must be a number, found " + node);
        }
        return node.doubleValue();
    }

    private static int[] intArray(JsonNode node, String name) {
        if (!node.isArray()) {
            throw new BadRequest(name + " must be an array of integers");
        }
        int[] values = new int[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = requireInt(node.get(i), name + "[" + i + "]");
        }
        return values;
    }

    /** A request handler body that returns the object to send as JSON. */
    private interface Handler {
        Object run() throws IOException;
    }

    /**
     * An invalid request, returned to the client with its status (400 unless given) and message.
     */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(String message) {
            this(400, message);
        }

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /**
     * Starts the server until the process is stopped.
     *
     * @param args {@code --model DIR [--port 8080] [--threads 4]}
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        JvmSetup.configure();
        String usage = "usage: RecommendationServer --model DIR [--port 8080] [--threads 4]";
        Map<String, String> options;
        int port;
        int threads;
        try {
            options = parseArgs(args);
            port = JobOptions.parseInt("--port", options.getOrDefault("port", "8080"));
            threads = JobOptions.parseInt("--threads", options.getOrDefault("threads", "4"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + usage);
            System.exit(2);
            return;
        }
        if (!options.containsKey("model")) {
            System.err.println(usage);
            System.exit(2);
        }
        Engines.start();
        ShowRecommender recommender;
        try {
            recommender = ShowRecommender.load(Path.of(options.get("model")), Device.cpu());
        } catch (dev.tvrecsys.model.ModelFormatException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        RecommendationServer server = new RecommendationServer(recommender, port, threads);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    recommender.close();
                                }));
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --name value pairs, found '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
