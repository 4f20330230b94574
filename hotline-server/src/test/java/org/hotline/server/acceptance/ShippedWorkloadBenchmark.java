package org.hotline.server.acceptance;

import io.lettuce.core.RedisClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.server.cluster.ServerNode;
import org.hotline.testsupport.FreePort;

/**
 * What users run, measured on the SHIPPED jar (target/hotline-server.jar + lib/) with its defaults on
 * (embedded Redis and Lucene, automatic dispatch, indexer, duplicates, learner, SLA scheduler), through
 * HTTP only (scripts/benchmarks shipped; not a test: it prints figures). With {@code bench.dashboards}
 * supervisors' live dashboards (SSE) open the whole time: full lifecycles (file → classify → assign →
 * sign → reply → accept → visit → close, by agent, dispatcher and department accounts) at C=4, then web
 * intake at C=1, 4, 16, each for {@code bench.seconds}; the dashboard summary's latency is sampled
 * during the lifecycles. CPU per operation is the server JVM's and the embedded Redis's utime+stime
 * from /proc/{pid}/stat over the phase; memory per ticket is Redis used_memory over the tickets stored.
 * {@code bench.fsync}: the embedded Redis's appendfsync (everysec or always).
 */
public final class ShippedWorkloadBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-password-1";
    private static final String STAFF_PASSWORD = "bench-staff-password-1";
    private static final Pattern REDIS_PORT = Pattern.compile("embedded redis started \\[.*?port=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long TICK = 100; // clock ticks per second in /proc/{pid}/stat (USER_HZ)

    private final ServerNode server;
    private final Path dir;
    private final List<Long> dashboardMicros = Collections.synchronizedList(new ArrayList<>());
    private String agent;
    private String dispatcher;
    private String department;
    private String supervisor;

    private ShippedWorkloadBenchmark(ServerNode server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        int dashboards = Integer.getInteger("bench.dashboards", 2);
        String fsync = System.getProperty("bench.fsync", "everysec");
        Path dir = Path.of("target", "shipped-bench-" + fsync).toAbsolutePath();
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        Files.createDirectories(dir);
        ServerNode server = new ServerNode("shipped", Map.of("HOTLINE_DATA_DIR", dir.resolve("data").toString(),
                "HOTLINE_HTTP_HOST", "127.0.0.1", "HOTLINE_HTTP_PORT", String.valueOf(FreePort.pick()),
                "HOTLINE_REDIS_FSYNC", fsync, "HOTLINE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "HOTLINE_JWT_SECRET", "shipped-benchmark-jwt-secret-0123456789",
                // one load generator is one client address: the per-address limit is for citizens, not for this
                "HOTLINE_INTAKE_PER_ADDRESS", "100000000"), dir);
        server.start(Duration.ofMinutes(6));
        try {
            var bench = new ShippedWorkloadBenchmark(server, dir);
            bench.run(seconds, dashboards, fsync);
        } finally {
            server.stop();
        }
        System.exit(0);
    }

    private void run(int seconds, int dashboards, String fsync) throws Exception {
        String admin = login("admin", ADMIN_PASSWORD);
        agent = staff(admin, "bench-agent", "AGENT", null);
        dispatcher = staff(admin, "bench-dispatcher", "DISPATCHER", null);
        department = staff(admin, "bench-urban", "DEPARTMENT", "urban");
        supervisor = staff(admin, "bench-supervisor", "SUPERVISOR", null);
        for (int k = 0; k < dashboards; k++) {
            openDashboard();
        }
        long serverPid = serverPid();
        long redisPid = Long.parseLong(Files.readString(dir.resolve("data/redis/redis.pid")).strip());
        String label = "shipped fsync=" + fsync + " dashboards=" + dashboards;
        System.out.printf("%s load-before=%s%n", label, Files.readString(Path.of("/proc/loadavg")).strip());

        phase(label, "warmup-lifecycle", 4, Math.max(5, seconds / 3), this::lifecycle, serverPid, redisPid, false);
        Thread sampler = new Thread(this::sampleDashboard, "dashboard-sampler");
        sampler.setDaemon(true);
        sampler.start();
        phase(label, "lifecycle", 4, seconds, this::lifecycle, serverPid, redisPid, true);
        sampler.interrupt();
        List<Long> sorted = new ArrayList<>(dashboardMicros);
        Collections.sort(sorted);
        System.out.printf("%s dashboard-summary during lifecycles: n=%d p50=%.1fms p95=%.1fms%n", label, sorted.size(),
                pct(sorted, 50) / 1000.0, pct(sorted, 95) / 1000.0);
        for (int c : new int[] {1, 4, 16}) {
            phase(label, "intake-c" + c, c, seconds, this::intake, serverPid, redisPid, true);
        }
        printMemory(label);
        System.out.printf("%s load-after=%s%n", label, Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** One operation of a phase; returns the HTTP requests it made. */
    private interface Operation {
        int run(int worker, int n) throws Exception;
    }

    private void phase(String label, String name, int concurrency, int seconds, Operation op, long serverPid, long redisPid,
                       boolean print) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicLong requests = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long cpuServer = cpuTicks(serverPid);
        long cpuRedis = cpuTicks(redisPid);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    long started = System.nanoTime();
                    try {
                        requests.addAndGet(op.run(worker, n));
                        done.incrementAndGet();
                        micros.add((System.nanoTime() - started) / 1000);
                    } catch (Exception | AssertionError e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.out.println(name + " failed: " + e);
                        }
                    }
                }
            }, name + "-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double serverMs = (cpuTicks(serverPid) - cpuServer) * 1000.0 / TICK;
        double redisMs = (cpuTicks(redisPid) - cpuRedis) * 1000.0 / TICK;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int n = Math.max(1, done.get());
        if (print) {
            System.out.printf("%s %s c=%d ops=%d failed=%d ops/s=%.1f p50=%.1fms p99=%.1fms requests=%d "
                            + "cpu-ms-per-op server=%.2f redis=%.2f total=%.2f%n", label, name, concurrency, done.get(), failed.get(),
                    done.get() / (double) seconds, pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0, requests.get(),
                    serverMs / n, redisMs / n, (serverMs + redisMs) / n);
        }
    }

    /** One ticket from filing to closing; automatic dispatch may take steps first, so each step follows the status. */
    private int lifecycle(int worker, int n) throws Exception {
        JsonObject t = call(agent, "POST", "/api/v1/tickets", new JsonObject().put("title", "路灯不亮" + worker + "-" + n)
                .put("content", "花园路" + n + "号门口的路灯连续三天晚上不亮，行人出行不便，请尽快维修。").put("appealType", "HELP")
                .put("phone", String.format("139%08d", worker * 10_000_000 + n % 10_000_000)).put("name", "测试来电人"));
        String id = t.getString("id");
        int requests = 1;
        for (int step = 0; step < 20 && !"CLOSED".equals(t.getString("status")); step++) {
            requests++;
            t = next(id, t);
        }
        if (!"CLOSED".equals(t.getString("status"))) {
            throw new IllegalStateException("ticket " + id + " stuck in " + t.getString("status"));
        }
        return requests;
    }

    private JsonObject next(String id, JsonObject t) throws Exception {
        String base = "/api/v1/tickets/" + id + "/";
        JsonObject empty = new JsonObject();
        return switch (t.getString("status")) {
            case "RECEIVED" -> command(dispatcher, base + "classify", new JsonObject().put("categoryCode", "010103"), id);
            case "CLASSIFIED" -> command(dispatcher, base + "assign", new JsonObject().put("lead", "urban"), id);
            case "ASSIGNED" -> "urban".equals(t.getString("leadDepartment")) ? command(department, base + "sign", empty, id)
                    : command(dispatcher, base + "reassign", new JsonObject().put("lead", "urban").put("reason", "压测改派"), id);
            case "SIGNED", "IN_PROGRESS" -> command(department, base + "reply",
                    new JsonObject().put("text", "已维修").put("result", "RESOLVED"), id);
            case "REPLIED" -> command(dispatcher, base + "accept-reply", empty, id);
            case "REVIEWED" -> command(agent, base + "revisit",
                    new JsonObject().put("resolution", "RESOLVED").put("satisfaction", "SATISFIED"), id);
            default -> command(agent, base + "close", empty, id);
        };
    }

    /** A command; when another actor (automatic dispatch) changed the ticket first, the ticket as it is now. */
    private JsonObject command(String token, String path, JsonObject body, String id) throws Exception {
        HttpResponse<String> response = send(token, "POST", path, body);
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            JsonObject answer = new JsonObject(response.body());
            return answer.containsKey("status") ? answer : call(agent, "GET", "/api/v1/tickets/" + id, null);
        }
        if (response.statusCode() == 409 || response.statusCode() == 422) {
            return call(agent, "GET", "/api/v1/tickets/" + id, null);
        }
        throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    private int intake(int worker, int n) throws Exception {
        call(null, "POST", "/api/v1/appeals", new JsonObject().put("title", "小区噪音扰民").put("appealType", "COMPLAINT")
                .put("content", "晚上十点以后楼下烧烤店噪音很大，影响休息，希望有关部门管一管。" + n)
                .put("phone", String.format("137%08d", worker * 5_000_000 + n % 5_000_000)).put("name", "市民")
                .put("idempotencyKey", "bench-" + worker + "-" + n + "-" + System.nanoTime()));
        return 1;
    }

    private void sampleDashboard() {
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            try {
                call(supervisor, "GET", "/api/v1/dashboard/summary", null);
                dashboardMicros.add((System.nanoTime() - started) / 1000);
                Thread.sleep(500); // a dashboard user refreshing, not a load generator
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.out.println("dashboard summary failed: " + e);
            }
        }
    }

    /** A supervisor's live dashboard: the SSE stream read to its end on a daemon thread. */
    private void openDashboard() {
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/dashboard/stream")))
                        .header("Authorization", "Bearer " + supervisor).build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = stream.body()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            } catch (IOException | InterruptedException e) {
                System.out.println("dashboard stream ended: " + e);
            }
        }, "dashboard-sse");
        reader.setDaemon(true);
        reader.start();
    }

    private String staff(String admin, String username, String role, String departmentId) throws Exception {
        JsonObject user = new JsonObject().put("username", username).put("password", STAFF_PASSWORD).put("role", role)
                .put("displayName", username);
        if (departmentId != null) {
            user.put("departmentId", departmentId);
        }
        HttpResponse<String> created = send(admin, "POST", "/api/v1/admin/users", user);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating " + username + ": " + created.statusCode() + " " + created.body());
        }
        return login(username, STAFF_PASSWORD);
    }

    private String login(String username, String password) throws Exception {
        return call(null, "POST", "/api/v1/auth/token", new JsonObject().put("username", username).put("password", password))
                .getString("token");
    }

    private JsonObject call(String token, String method, String path, JsonObject body) throws Exception {
        HttpResponse<String> response = send(token, method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
    }

    private HttpResponse<String> send(String token, String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Memory of the embedded Redis over the tickets it stores (numbers handed out). */
    private void printMemory(String label) throws IOException {
        Matcher port = REDIS_PORT.matcher(server.logText());
        if (!port.find()) {
            throw new IllegalStateException("no embedded redis port in the log");
        }
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port.group(1));
        try (var connection = client.connect()) {
            connection.setTimeout(Duration.ofMinutes(2));
            var redis = connection.sync();
            long used = Long.parseLong(redis.info("memory").replaceAll("(?s).*used_memory:(\\d+).*", "$1"));
            long tickets = 0;
            var cursor = io.lettuce.core.ScanCursor.INITIAL;
            do {
                var page = redis.scan(cursor, io.lettuce.core.ScanArgs.Builder.matches("hotline:number:*").limit(5000));
                tickets += page.getKeys().size();
                cursor = page;
            } while (!cursor.isFinished());
            System.out.printf("%s redis used_memory=%d keys=%d tickets=%d bytes-per-ticket=%d%n", label, used, redis.dbsize(),
                    tickets, used / Math.max(1, tickets));
        } finally {
            client.shutdown();
        }
    }

    /** The server JVM: this process's descendant running java (the timeout wrapper is its parent). */
    private static long serverPid() {
        return ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .map(ProcessHandle::pid).findFirst().orElseThrow(() -> new IllegalStateException("server JVM not found"));
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
