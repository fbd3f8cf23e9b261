package dev.tvrecsys.examples.serving;

import dev.tvrecsys.examples.JvmSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded load test for a running {@link RecommendationServer}: a fixed number of {@code POST
 * /recommendations} requests from a fixed number of client threads, stopped after a time limit.
 *
 * <p>Run: {@code java -cp examples.jar dev.tvrecsys.examples.serving.LoadTest [port] [requests]
 * [threads] [seconds]}, defaults 8080, 2000, 8 and 60. It only sends to 127.0.0.1.
 */
public final class LoadTest {

    private static final Logger LOG = LoggerFactory.getLogger(LoadTest.class);

    private static final String BODY =
            "{\"k\": 10, \"history\": [{\"showId\": 10, \"assetType\": \"VOD\","
                    + " \"watchMinutes\": 30, \"time\": 1}, {\"showId\": 20, \"assetType\":"
                    + " \"CHANNEL\", \"watchMinutes\": 12, \"time\": 2}]}";

    private LoadTest() {}

    /**
     * Outcome of a run.
     *
     * @param requests requests completed with any status
     * @param failures requests with a status other than 200 or an I/O error
     * @param seconds wall time of the run
     * @param throughput completed requests per second
     * @param p50Millis median latency in milliseconds
     * @param p99Millis 99th-percentile latency in milliseconds
     */
    public record Result(
            int requests,
            int failures,
            double seconds,
            double throughput,
            double p50Millis,
            double p99Millis) {}

    /**
     * Sends the requests and measures each one's latency.
     *
     * @param host the server host, which must be 127.0.0.1
     * @param port the server port
     * @param requests total requests, positive
     * @param threads client threads, positive
     * @param maxSeconds time limit; requests not started by then are skipped
     * @return the measurements
     * @throws InterruptedException if interrupted while waiting for the clients
     * @throws IllegalArgumentException if a count is not positive or the host is not 127.0.0.1
     */
    public static Result run(String host, int port, int requests, int threads, int maxSeconds)
            throws InterruptedException {
        if (!host.equals("127.0.0.1")) {
            throw new IllegalArgumentException("host must be 127.0.0.1, found " + host);
        }
        if (requests <= 0 || threads <= 0 || maxSeconds <= 0) {
            throw new IllegalArgumentException(
                    "requests, threads and maxSeconds must be positive, found "
                            + requests
                            + ", "
                            + threads
                            + ", "
                            + maxSeconds);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create("http://" + host + ":" + port + "/recommendations"))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build();
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(
                    pool.submit(
                            () -> {
                                int i;
                                while ((i = next.getAndIncrement()) < requests
                                        && System.nanoTime() < deadline) {
                                    long sent = System.nanoTime();
                                    try {
                                        HttpResponse<Void> response =
                                                client.send(
                                                        request,
                                                        HttpResponse.BodyHandlers.discarding());
                                        if (response.statusCode() != 200) {
                                            failures.incrementAndGet();
                                        }
                                    } catch (java.io.IOException e) {
                                        failures.incrementAndGet();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    }
                                    latencies[i] = System.nanoTime() - sent;
                                }
                            }));
        }
        pool.shutdown();
        pool.awaitTermination(maxSeconds + 15L, TimeUnit.SECONDS);
        pool.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] done = Arrays.stream(latencies).filter(value -> value > 0).sorted().toArray();
        Result result =
                new Result(
                        done.length,
                        failures.get(),
                        seconds,
                        done.length / seconds,
                        percentile(done, 0.50),
                        percentile(done, 0.99));
        LOG.info(
                "{} requests from {} threads in {} s: {} requests/s, p50 {} ms, p99 {} ms,"
                        + " {} failures",
                result.requests(),
                threads,
                String.format("%.2f", result.seconds()),
                String.format("%.1f", result.throughput()),
                String.format("%.2f", result.p50Millis()),
                String.format("%.2f", result.p99Millis()),
                result.failures());
        return result;
    }

    /** Returns the nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
    static double percentile(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, rank)] / 1e6;
    }

    /**
     * Runs the load test against a server on 127.0.0.1.
     *
     * @param args {@code [port] [requests] [threads] [seconds]}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        JvmSetup.configure();
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        run("127.0.0.1", port, requests, threads, seconds);
    }
}
