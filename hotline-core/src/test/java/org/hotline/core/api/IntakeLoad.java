package org.hotline.core.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for web intake, run in its own JVM: {@code IntakeLoad <port[,port...]> <mode> <seconds> [rate]}.
 * Several ports (API servers sharing one Redis) get the connections and the requests in equal shares. Mode {@code max}: {@code -Dconnections} (64) connections in a closed loop, accepted appeals/s. Mode
 * {@code rate}: open loop at a fixed rate; latency is measured from each request's scheduled time (no
 * coordinated omission). Both first run {@code -Dwarmup} seconds (5) the same way without recording:
 * a cold generator JVM otherwise charges its own class loading and JIT to the first requests.
 */
public final class IntakeLoad {

    private static final AtomicLong SEQ = new AtomicLong(ProcessHandle.current().pid() * 1_000_000L);

    private IntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        String[] ports = args[0].split(",");
        String mode = args[1];
        int seconds = Integer.parseInt(args[2]);
        int rate = mode.equals("rate") ? Integer.parseInt(args[3]) : 0;
        int connections = Integer.getInteger("connections", 64);
        int warmup = Integer.getInteger("warmup", 5);
        Vertx vertx = Vertx.vertx();
        HttpClient[] clients = new HttpClient[ports.length];
        for (int i = 0; i < ports.length; i++) {
            clients[i] = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(Integer.parseInt(ports[i]))
                .setDefaultHost("127.0.0.1").setTcpNoDelay(true).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(Math.max(1, connections / ports.length)));
        }
        Future<LoadRecord> run = phase(vertx, clients, mode, warmup, rate, connections)
            .compose(warm -> phase(vertx, clients, mode, seconds, rate, connections));
        LoadRecord result = run.toCompletionStage().toCompletableFuture().get(seconds + warmup + 120L, TimeUnit.SECONDS);
        System.out.println(result.summary(String.join(" ", args) + " connections=" + connections + " warmup=" + warmup + "s"));
        System.out.println(result.slowTimeline(100));
        vertx.close();
    }

    private static Future<LoadRecord> phase(Vertx vertx, HttpClient[] client, String mode, int seconds, int rate, int connections) {
        LoadRecord record = new LoadRecord(mode.equals("rate") ? rate * seconds : 2_000_000);
        if (seconds == 0) {
            return Future.succeededFuture(record);
        }
        Promise<LoadRecord> done = Promise.promise();
        if (mode.equals("max")) {
            long end = record.started() + TimeUnit.SECONDS.toNanos(seconds);
            AtomicLong running = new AtomicLong(connections);
            for (int i = 0; i < connections; i++) {
                vertx.runOnContext(v -> loop(client, end, record, running, done));
            }
        } else {
            openLoop(vertx, client, record, seconds, rate, done);
        }
        return done.future();
    }

    private static void openLoop(Vertx vertx, HttpClient[] client, LoadRecord record, int seconds, int rate, Promise<LoadRecord> done) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        AtomicLong sent = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        // an overloaded server would keep the run going until its queue drains: stop waiting 30 s after the last send
        vertx.setTimer(TimeUnit.SECONDS.toMillis(seconds + 30L), id -> {
            if (!done.future().isComplete()) {
                record.unfinished(total - finished.get());
                done.tryComplete(record.finish());
            }
        });
        vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - record.started()) / interval + 1);
            while (sent.get() < due) {
                long scheduled = record.started() + sent.getAndIncrement() * interval;
                send(client).onComplete(ar -> {
                    record.add(ar.succeeded() && ar.result(), scheduled);
                    if (finished.incrementAndGet() == total) {
                        done.tryComplete(record.finish());
                    }
                });
            }
            if (sent.get() >= total) {
                vertx.cancelTimer(id);
            }
        });
    }

    private static void loop(HttpClient[] client, long end, LoadRecord record, AtomicLong running, Promise<LoadRecord> done) {
        if (System.nanoTime() >= end) {
            if (running.decrementAndGet() == 0) {
                done.complete(record.finish());
            }
            return;
        }
        long start = System.nanoTime();
        send(client).onComplete(ar -> {
            record.add(ar.succeeded() && ar.result(), start);
            loop(client, end, record, running, done);
        });
    }

    private static Future<Boolean> send(HttpClient[] clients) {
        long n = SEQ.incrementAndGet();
        HttpClient client = clients[(int) (n % clients.length)];
        String phone = "139" + String.format("%08d", n % 100_000_000L);
        Buffer body = new JsonObject().put("title", "路灯不亮" + n).put("content", "东城区人民路第" + n + "号路灯夜间不亮，影响通行。")
            .put("appealType", "COMPLAINT").put("phone", phone).put("name", "张三").put("district", "东城区")
            .put("address", "人民路" + n + "号").toBuffer();
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/appeals")
                .putHeader("Content-Type", "application/json"))
            .compose(request -> request.send(body))
            .compose(response -> response.body().map(ignored -> response.statusCode() == 201));
    }
}
