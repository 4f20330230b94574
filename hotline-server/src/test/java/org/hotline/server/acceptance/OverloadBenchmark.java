package org.hotline.server.acceptance;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.server.cluster.ServerNode;
import org.hotline.server.cluster.TicketLedger;
import org.hotline.testsupport.FreePort;

/**
 * Overload benchmark of the packaged server on its embedded default (scripts/benchmarks overload; not a
 * test: it prints figures). 1. capacity: closed loop, 64 appeals in flight, 15 s after a 10 s warm-up. 2. five times that,
 * offered open loop for 60 s (each appeal its own phone and idempotency key), while /health/live is
 * probed every 200 ms from another client. 3. seconds until /health/ready answers 200 after the load.
 * 4. every appeal not acknowledged (shed, failed, unanswered) is sent again with the same key until it
 * is stored. 5. the ticket event stream in Redis: every acknowledged appeal stored once. 6. the
 * embedded Redis killed (SIGKILL): seconds until an appeal is stored again.
 */
public final class OverloadBenchmark {

    private static final Pattern REDIS_PORT = Pattern.compile("embedded redis started \\[.*?port=(\\d+)");
    private static final java.net.http.HttpClient PROBE = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;
    private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<Integer> unacknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> acceptedMicros = new ConcurrentLinkedQueue<>();
    private final AtomicInteger shed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();

    private OverloadBenchmark(int port) {
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(4096));
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        int factor = Integer.getInteger("bench.factor", 5);
        Path dir = Path.of("target", "overload-bench").toAbsolutePath();
        ProcessBuilder clean = new ProcessBuilder("rm", "-rf", dir.toString());
        clean.start().waitFor();
        Files.createDirectories(dir);
        ServerNode server = new ServerNode("overload", Map.of("HOTLINE_DATA_DIR", dir.resolve("data").toString(),
                "HOTLINE_HTTP_HOST", "127.0.0.1", "HOTLINE_HTTP_PORT", String.valueOf(FreePort.pick()),
                // one load generator is one client address: the per-address limit is for citizens, not for this
                "HOTLINE_INTAKE_PER_ADDRESS", "100000000"), dir);
        server.start(Duration.ofMinutes(4));
        OverloadBenchmark bench = new OverloadBenchmark(server.httpPort());
        try {
            bench.run(server, dir, seconds, factor);
        } finally {
            bench.vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            server.stop();
        }
        System.exit(0);
    }

    private void run(ServerNode server, Path dir, int seconds, int factor) throws Exception {
        closedLoop(64, 10); // warm-up: JIT, connection pool, Redis scripts
        reset();
        int capacity = closedLoop(64, 15);
        reset();
        int rate = capacity * factor;
        System.out.printf("overload capacity=%d/s (closed loop, 64 in flight, 15 s); offering %d/s for %d s%n", capacity, rate, seconds);

        AtomicLong worstLiveMicros = new AtomicLong();
        AtomicInteger liveFailures = new AtomicInteger();
        Thread liveness = new Thread(() -> probeLiveness(server, worstLiveMicros, liveFailures), "liveness-probe");
        liveness.setDaemon(true);
        liveness.start();
        int offered = openLoop(rate, seconds);
        long loadEnded = System.nanoTime();
        double toReady = secondsUntil(() -> status(server, "/health/ready") == 200, loadEnded);
        liveness.interrupt();
        awaitQuiet();

        List<Long> latencies = new ArrayList<>(acceptedMicros);
        Collections.sort(latencies);
        int acked = acknowledged.size();
        System.out.printf("overload offered=%d acknowledged=%d shed=%d failed=%d shed-share=%.1f%% accepted/s=%d "
                        + "p50=%.1fms p99=%.1fms worst-live=%.0fms live-failures=%d ready-after-load=%.1fs%n",
                offered, acked, shed.get(), failed.get(), 100.0 * shed.get() / Math.max(1, offered), acked / seconds,
                percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0, worstLiveMicros.get() / 1000.0,
                liveFailures.get(), toReady);

        Set<Integer> retry = Set.copyOf(unacknowledged);
        int retried = retry.size();
        for (int attempt = 0; attempt < 20 && !unacknowledged.isEmpty(); attempt++) {
            List<Integer> again = List.copyOf(unacknowledged);
            unacknowledged.clear();
            sendAll(again, 32);
        }
        System.out.printf("overload retried=%d stored-after-retry=%d still-unstored=%d%n", retried,
                retry.stream().filter(acknowledged::containsKey).count(), unacknowledged.size());

        int redisPort = redisPort(server);
        RedisClient redis = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            TicketLedger ledger = TicketLedger.read(connection.sync());
            long twice = ledger.ticketsByPhone().values().stream().filter(count -> count > 1).count();
            long missing = acknowledged.keySet().stream().filter(n -> ledger.ticketsByPhone().getOrDefault(phone(n), 0) != 1).count();
            long numbersTwice = ledger.idsByNumber().values().stream().filter(ids -> ids.size() > 1).count();
            System.out.printf("overload ledger: acknowledged=%d stored-once=%d not-stored-once=%d phones-with-two-tickets=%d "
                    + "numbers-with-two-ids=%d%n", acknowledged.size(), acknowledged.size() - missing, missing, twice, numbersTwice);
        } finally {
            redis.shutdown();
        }

        long redisPid = Long.parseLong(Files.readString(dir.resolve("data/redis/redis.pid")).strip());
        ProcessHandle.of(redisPid).ifPresent(ProcessHandle::destroyForcibly);
        long killed = System.nanoTime();
        int probe = next.getAndIncrement();
        double intakeBack = secondsUntil(() -> {
            sendAll(List.of(probe), 1);
            return acknowledged.containsKey(probe);
        }, killed);
        System.out.printf("overload embedded-redis-killed: intake-works-again-after=%.1fs%n", intakeBack);
    }

    /** Appeals per second stored with {@code inFlight} appeals always outstanding. */
    private int closedLoop(int inFlight, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger done = new AtomicInteger();
        List<Thread> loops = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            Thread loop = new Thread(() -> {
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    try {
                        send(n).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            loop.start();
            loops.add(loop);
        }
        for (Thread loop : loops) {
            loop.join();
        }
        return Math.max(1, acknowledged.size() / seconds);
    }

    /** Sends {@code rate} appeals a second for {@code seconds}, whatever the answers; returns how many were sent. */
    private int openLoop(int rate, int seconds) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long timer = vertx.setPeriodic(10, t -> {
            long now = Math.min(System.nanoTime(), end);
            // as many as are due by now: a late tick catches up, so the offered rate does not depend on timer jitter
            long due = (long) ((now - start) / 1e9 * rate);
            while (sent.get() < due) {
                sent.incrementAndGet();
                send(next.getAndIncrement());
            }
        });
        TimeUnit.SECONDS.sleep(seconds);
        vertx.cancelTimer(timer);
        return sent.get();
    }

    private void sendAll(List<Integer> appeals, int inFlight) {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(inFlight);
        for (int n : appeals) {
            slots.acquireUninterruptibly();
            send(n).onComplete(done -> slots.release());
        }
        slots.acquireUninterruptibly(inFlight);
    }

    /** One appeal; completes when answered, whatever the answer, and books it. */
    private Future<Void> send(int n) {
        long start = System.nanoTime();
        JsonObject appeal = new JsonObject().put("title", "人民路路灯不亮").put("content", "人民路" + n + "号门前路灯连续三晚不亮，夜间行人看不清路。")
                .put("appealType", "COMPLAINT").put("phone", phone(n)).put("name", "市民" + n).put("district", "东城区")
                .put("address", "人民路" + n + "号").put("idempotencyKey", "overload-" + n);
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/appeals").setIdleTimeout(30_000)
                        .putHeader("content-type", "application/json"))
                .compose(request -> request.send(Buffer.buffer(appeal.encode())))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() == 201) {
                        acknowledged.put(n, new JsonObject(body).getString("ticketNumber"));
                        acceptedMicros.add((System.nanoTime() - start) / 1000);
                        unacknowledged.remove(n);
                    } else {
                        (response.statusCode() == 503 && response.getHeader("Retry-After") != null ? shed : failed).incrementAndGet();
                        unacknowledged.add(n);
                    }
                    return (Void) null;
                }))
                .recover(e -> {
                    failed.incrementAndGet();
                    unacknowledged.add(n);
                    return Future.succeededFuture();
                });
    }

    private void reset() {
        acknowledged.clear();
        acceptedMicros.clear();
        shed.set(0);
        failed.set(0);
    }

    private void awaitQuiet() throws InterruptedException {
        TimeUnit.SECONDS.sleep(35); // answers of requests still in flight (idle timeout 30 s) are booked
    }

    private static void probeLiveness(ServerNode server, AtomicLong worstMicros, AtomicInteger failures) {
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            if (status(server, "/health/live") != 200) {
                failures.incrementAndGet();
            }
            worstMicros.accumulateAndGet((System.nanoTime() - start) / 1000, Math::max);
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static int status(ServerNode server, String path) {
        try {
            return PROBE.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static double secondsUntil(Condition condition, long since) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.holds() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    private static int redisPort(ServerNode server) throws Exception {
        Matcher matcher = REDIS_PORT.matcher(server.logText());
        if (!matcher.find()) {
            throw new IllegalStateException("no embedded redis port in the log");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String phone(int n) {
        return String.format("139%08d", n);
    }
}
