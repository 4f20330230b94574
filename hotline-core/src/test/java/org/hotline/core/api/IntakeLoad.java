package org.hotline.core.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for web intake, run in its own JVM: {@code IntakeLoad <port> <mode> <seconds> [rate]}.
 * Mode {@code max}: 64 connections in a closed loop, accepted appeals/s. Mode {@code rate}: open loop at
 * a fixed rate; latency is measured from each request's scheduled time (no coordinated omission).
 */
public final class IntakeLoad {

    private static final AtomicLong SEQ = new AtomicLong(ProcessHandle.current().pid() * 1_000_000L);

    private IntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mode = args[1];
        int seconds = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1")
            .setTcpNoDelay(true).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
        long[] latencies = new long[2_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(1);
        long started = System.nanoTime();
        if (mode.equals("max")) {
            AtomicInteger running = new AtomicInteger(64);
            for (int i = 0; i < 64; i++) {
                vertx.runOnContext(v -> loop(client, end, latencies, count, failures, running, done));
            }
        } else {
            int rate = Integer.parseInt(args[3]);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long total = (long) rate * seconds;
            AtomicLong sent = new AtomicLong();
            AtomicLong finished = new AtomicLong();
            vertx.setPeriodic(1, id -> {
                long due = Math.min(total, (System.nanoTime() - started) / interval + 1);
                while (sent.get() < due) {
                    long scheduled = started + sent.getAndIncrement() * interval;
                    send(client).onComplete(ar -> {
                        record(ar.succeeded() && ar.result(), System.nanoTime() - scheduled, latencies, count, failures);
                        if (finished.incrementAndGet() == total) {
                            done.countDown();
                        }
                    });
                }
                if (sent.get() >= total) {
                    vertx.cancelTimer(id);
                }
            });
        }
        done.await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        report(mode, args, latencies, count.get(), failures.get(), elapsed);
        vertx.close();
    }

    private static void loop(HttpClient client, long end, long[] latencies, AtomicInteger count, AtomicInteger failures,
                             AtomicInteger running, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            if (running.decrementAndGet() == 0) {
                done.countDown();
            }
            return;
        }
        long start = System.nanoTime();
        send(client).onComplete(ar -> {
            record(ar.succeeded() && ar.result(), System.nanoTime() - start, latencies, count, failures);
            loop(client, end, latencies, count, failures, running, done);
        });
    }

    private static Future<Boolean> send(HttpClient client) {
        long n = SEQ.incrementAndGet();
        String phone = "139" + String.format("%08d", n % 100_000_000L);
        Buffer body = new JsonObject().put("title", "路灯不亮" + n).put("content", "东城区人民路第" + n + "号路灯夜间不亮，影响通行。")
            .put("appealType", "COMPLAINT").put("phone", phone).put("name", "张三").put("district", "东城区")
            .put("address", "人民路" + n + "号").toBuffer();
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/appeals")
                .putHeader("Content-Type", "application/json"))
            .compose(request -> request.send(body))
            .compose(response -> response.body().map(ignored -> response.statusCode() == 201));
    }

    private static void record(boolean ok, long nanos, long[] latencies, AtomicInteger count, AtomicInteger failures) {
        if (!ok) {
            failures.incrementAndGet();
            return;
        }
        int i = count.getAndIncrement();
        if (i < latencies.length) {
            latencies[i] = nanos;
        }
    }

    private static void report(String mode, String[] args, long[] latencies, int count, int failures, double elapsed) {
        long[] sorted = Arrays.copyOf(latencies, Math.min(count, latencies.length));
        Arrays.sort(sorted);
        System.out.printf("mode=%s args=%s accepted=%d failed=%d seconds=%.1f accepted/s=%.0f p50=%.1fms p99=%.1fms max=%.1fms%n",
            mode, String.join(" ", args), count, failures, elapsed, count / elapsed,
            pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
