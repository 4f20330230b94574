package org.hotline.core.app;

import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.catalog.Seed;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Redis memory per open ticket through the real ticket service and store: {@code bench.tickets} appeals
 * (default 20,000) filed, classified, assigned and signed (the usual open state, with their SLA alarms,
 * inboxes, caller index, event lists and dashboard counters) on a private Redis; INFO memory before and
 * after, and MEMORY USAGE of one ticket's keys and of the event stream, with the stream as it is
 * written and once trimmed (every group acknowledged it). A benchmark, not a test: it asserts nothing,
 * is tagged and excluded from normal runs. Run with
 * {@code ./mvnw -o -B -pl hotline-core test -Dtest=OpenTicketMemoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read target/benchmarks/open-ticket-memory.txt.
 */
@Tag("benchmark")
public class OpenTicketMemoryBenchmark {

    private static final int TICKETS = Integer.getInteger("bench.tickets", 20_000);
    private static final int IN_FLIGHT = 32;
    private static final Seed SEED = org.hotline.core.wire.SeedLoader.fromClasspath();
    private static final Category STALLS = SEED.categories().find("010201").orElseThrow();
    private static final Actor AGENT = Actor.agent("a1", "坐席甲");
    private static final Actor DISPATCHER = Actor.dispatcher("p1", "派单员乙");
    private static final List<String> DEPARTMENTS = List.of("urban", "environment", "housing", "transport", "market");
    private static final String CONTENT = "市民反映某某区某某街道某某小区东门附近晚上有商贩占道经营，油烟和噪音扰民，"
            + "人行道被占用，老人和孩子只能走机动车道，存在安全隐患，希望有关部门尽快处理并规范管理。";

    @Test
    void memoryPerOpenTicket() throws IOException {
        RealRedis server = RealRedis.startNew(RealRedis.Options.defaults());
        Vertx vertx = Vertx.vertx();
        var connector = RedisConnector.create(vertx, RedisConfig.of(server.uri()));
        List<String> report = new ArrayList<>();
        try {
            var connection = await(connector.connect());
            // the measuring commands (MEMORY USAGE of a large stream, XTRIM of all of it) take seconds on a loaded machine
            connection.setTimeout(java.time.Duration.ofMinutes(5));
            RedisCommands<String, String> redis = connection.sync();
            var service = new TicketService(await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults())),
                    SEED, java.time.Clock.systemUTC(), TicketServiceConfig.defaults());
            long before = usedMemory(redis);
            List<Ticket> last = new ArrayList<>();
            for (int start = 0; start < TICKETS; start += IN_FLIGHT) {
                List<Future<Ticket>> wave = new ArrayList<>();
                for (int k = start; k < Math.min(TICKETS, start + IN_FLIGHT); k++) {
                    wave.add(open(service, k));
                }
                await(Future.all(wave));
                last = wave.stream().map(Future::result).toList();
            }
            long after = usedMemory(redis);
            String id = last.get(0).id().value();
            long ticketKeys = usage(redis, "hotline:ticket:" + id) + usage(redis, "hotline:events:" + id);
            long stream = usage(redis, RedisKeys.TICKET_EVENTS);
            long entries = redis.xlen(RedisKeys.TICKET_EVENTS);
            redis.xtrim(RedisKeys.TICKET_EVENTS, 0);
            long trimmed = usedMemory(redis);
            report.add("date " + Instant.now() + ", " + TICKETS + " open tickets (received, classified, assigned, signed), Redis "
                    + redis.info("server").lines().filter(l -> l.startsWith("redis_version")).findFirst().orElse("?"));
            report.add(String.format("used_memory delta: %,d bytes = %,d bytes per open ticket (stream included: %,d entries)",
                    after - before, (after - before) / TICKETS, entries));
            report.add(String.format("event stream MEMORY USAGE: %,d bytes = %,d bytes per ticket", stream, stream / TICKETS));
            report.add(String.format("stream trimmed (all groups acknowledged): %,d bytes per open ticket", (trimmed - before) / TICKETS));
            report.add(String.format("one ticket's hash + event list (MEMORY USAGE): %,d bytes", ticketKeys));
            report.add(String.format("one ticket's hash: encoding %s, %d fields, snapshot %,d bytes; event list: encoding %s, %d elements, %,d bytes",
                    redis.objectEncoding("hotline:ticket:" + id), redis.hlen("hotline:ticket:" + id),
                    redis.hstrlen("hotline:ticket:" + id, "s"), redis.objectEncoding("hotline:events:" + id),
                    redis.llen("hotline:events:" + id),
                    redis.lrange("hotline:events:" + id, 0, -1).stream().mapToLong(e -> e.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum()));
            report.add(String.format("keys: %,d for %,d tickets; sla alarm members: %,d",
                    redis.dbsize(), TICKETS, redis.zcard(RedisKeys.SLA_ALARMS)));
            report.add("MEMORY USAGE by key shape after the trim (ids, numbers, phones as *), bytes per open ticket:");
            breakdown(redis).forEach((shape, bytes) -> report.add(String.format("  %-40s %,8d", shape, bytes / TICKETS)));
            closedAndArchived(vertx, connection, service, report);
            report.forEach(System.out::println);
            Path out = Path.of("target", "benchmarks", "open-ticket-memory.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        } finally {
            await(connector.close());
            await(vertx.close());
            server.stop();
        }
    }

    /**
     * {@code bench.closed} (default 5,000) appeals answered directly (closed at once), their memory, then archived
     * (retention zero, into a temporary folder) and their memory again: what a closed ticket still costs Redis.
     */
    private static void closedAndArchived(Vertx vertx, io.lettuce.core.api.StatefulRedisConnection<String, String> connection,
                                          TicketService service, List<String> report) throws IOException {
        int closed = Integer.getInteger("bench.closed", 5_000);
        long before = usedMemory(connection.sync());
        Instant last = Instant.EPOCH;
        for (int start = 0; start < closed; start += IN_FLIGHT) {
            List<Future<Ticket>> wave = new ArrayList<>();
            for (int k = start; k < Math.min(closed, start + IN_FLIGHT); k++) {
                wave.add(answered(service, TICKETS + k));
            }
            await(Future.all(wave));
            last = wave.get(wave.size() - 1).result().closedAt();
        }
        connection.sync().xtrim(RedisKeys.TICKET_EVENTS, 0);
        long stored = usedMemory(connection.sync());
        Path folder = Files.createTempDirectory("ticket-archive");
        var archiver = new org.hotline.core.redis.RedisTicketArchiver(vertx, connection.async(),
                org.hotline.core.redis.RedisTicketKeys.defaults(), new org.hotline.core.archive.FileTicketArchive(vertx, folder),
                java.time.Duration.ZERO, Long.MAX_VALUE);
        int archived = await(archiver.archiveDue(last.plusSeconds(1)));
        long after = usedMemory(connection.sync());
        report.add(String.format("%,d closed tickets (answered directly, 3 events): %,d bytes each in Redis, stream trimmed;"
                + " %,d archived: %,d bytes each left in Redis (number key, caller index)",
                closed, (stored - before) / closed, archived, (after - before) / closed));
    }

    private static Future<Ticket> answered(TicketService service, int k) {
        var appeal = new NewAppeal(Channel.values()[k % 5], AppealType.CONSULTATION, Urgency.NORMAL, "咨询占道经营整治" + k, CONTENT,
                new Caller("张三丰", "139" + String.format("%08d", k), false, false), null, List.of());
        return service.receive(appeal, AGENT, null)
                .compose(t -> service.apply(t.id(), new Command.AnswerDirectly("已当场答复：该路段已纳入本月整治计划"), AGENT));
    }

    private static Future<Ticket> open(TicketService service, int k) {
        String lead = DEPARTMENTS.get(k % DEPARTMENTS.size());
        var appeal = new NewAppeal(Channel.values()[k % 5], AppealType.COMPLAINT, Urgency.NORMAL, "人民路占道经营扰民" + k, CONTENT,
                new Caller("张三丰", "138" + String.format("%08d", k), false, false), null, List.of());
        return service.receive(appeal, AGENT, null)
                .compose(t -> service.apply(t.id(), new Command.Classify(STALLS, null, null, null), AGENT))
                .compose(t -> service.apply(t.id(), new Command.Assign(lead, Set.of(), null), DISPATCHER))
                .compose(t -> service.apply(t.id(), new Command.Sign(), Actor.department("u-" + lead, lead, "经办人")));
    }

    /** Every key's MEMORY USAGE summed by its shape, largest first. */
    private static java.util.Map<String, Long> breakdown(RedisCommands<String, String> redis) {
        java.util.Map<String, Long> byShape = new java.util.HashMap<>();
        var cursor = io.lettuce.core.ScanCursor.INITIAL;
        do {
            var page = redis.scan(cursor, io.lettuce.core.ScanArgs.Builder.limit(1000));
            for (String key : page.getKeys()) {
                String shape = key.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*").replaceAll("[0-9]{6,}", "*")
                        .replaceAll("12345-\\*-\\*", "*");
                byShape.merge(shape, usage(redis, key), Long::sum);
            }
            cursor = page;
        } while (!cursor.isFinished());
        var sorted = new java.util.LinkedHashMap<String, Long>();
        byShape.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static long usedMemory(RedisCommands<String, String> redis) {
        return redis.info("memory").lines().filter(l -> l.startsWith("used_memory:"))
                .map(l -> Long.parseLong(l.substring("used_memory:".length()).trim())).findFirst().orElseThrow();
    }

    /** MEMORY USAGE with SAMPLES 0: every element counted (the default samples five, which misjudges a hash of one big and many small fields). */
    private static long usage(RedisCommands<String, String> redis, String key) {
        var codec = io.lettuce.core.codec.StringCodec.UTF8;
        Long bytes = redis.dispatch(io.lettuce.core.protocol.CommandType.MEMORY, new io.lettuce.core.output.IntegerOutput<>(codec),
                new io.lettuce.core.protocol.CommandArgs<>(codec).add("USAGE").addKey(key).add("SAMPLES").add(0));
        return bytes == null ? 0 : bytes;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
