package org.hotline.core.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.catalog.Seed;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.*;
import org.hotline.core.redis.RedisConfig;
import org.hotline.core.redis.RedisConnector;
import org.hotline.core.redis.RedisTicketStore;
import org.hotline.core.redis.RedisTicketStoreConfig;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.wire.SeedLoader;
import org.hotline.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ticket service on the real Redis ticket store: commits, stream, indexes, retries, merge. */
class TicketServiceIT {

    private static final Seed SEED = SeedLoader.fromClasspath();
    private static final Actor AGENT = Actor.agent("a1", "坐席甲");
    private static final Actor DISPATCHER = Actor.dispatcher("p1", "派单员乙");
    private static final Actor URBAN = Actor.department("u1", "urban", "城管局经办人");
    private static final Category STALLS = SEED.categories().find("010201").orElseThrow();

    private static Vertx vertx;
    private static RedisConnector connector;
    private static RedisCommands<String, String> redis;
    private static TicketService service;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T01:00:00Z"));

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        connector = RedisConnector.create(vertx, RedisConfig.of(RealRedis.shared().uri()));
        RedisTicketStore store = await(RedisTicketStore.start(vertx, connector, RedisTicketStoreConfig.defaults()));
        redis = await(connector.connect()).sync();
        service = new TicketService(store, SEED, CLOCK, TicketServiceConfig.defaults());
    }

    @AfterAll
    static void stop() {
        await(connector.close());
        await(vertx.close());
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Ticket receive(String key) {
        NewAppeal appeal = new NewAppeal(Channel.PHONE, AppealType.COMPLAINT, Urgency.NORMAL, "人民路占道经营",
                "晚上有商贩占道经营", new Caller("张三丰", "13800138000", false, false), null, List.of());
        return await(service.receive(appeal, AGENT, key));
    }

    private static Ticket apply(Ticket t, Command c, Actor a) {
        return await(service.apply(t.id(), c, a));
    }

    private static Ticket assigned() {
        Ticket t = receive(null);
        t = apply(t, new Command.Classify(STALLS, null, null, null), AGENT);
        return apply(t, new Command.Assign("urban", Set.of("d.dongcheng"), null), DISPATCHER);
    }

    private static List<StreamMessage<String, String>> stream(Ticket t) {
        return redis.xrange(RedisKeys.TICKET_EVENTS, Range.create("-", "+")).stream()
                .filter(m -> t.id().value().equals(m.getBody().get("ticketId"))).toList();
    }

    /** Field bytes of a lifecycle's entries, and what they were when every entry carried a snapshot (docs/benchmarks.md). */
    private static void printEntryBytes(List<StreamMessage<String, String>> entries) {
        long lean = 0;
        int first = entries.get(0).getBody().get("ticket").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int last = entries.get(entries.size() - 1).getBody().get("ticket").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        long withSnapshots = 0;
        for (StreamMessage<String, String> m : entries) {
            long bytes = m.getBody().entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
            lean += bytes;
            // a missing snapshot was between the received one and the closed one in size: count the closed one's
            withSnapshots += m.getBody().containsKey("ticket") ? bytes : bytes + "ticket".length() + Math.max(first, last);
        }
        System.out.printf("BENCH stream lifecycle entries=%d lean_bytes_per_entry=%d snapshot_bytes_per_entry_before=%d%n",
                entries.size(), lean / entries.size(), withSnapshots / entries.size());
    }

    @Test
    void theWholePipelineIsStoredStreamedAndIndexed() {
        Ticket t = assigned();
        String id = t.id().value();
        assertThat(await(service.inbox("urban", 0, 100))).extracting(Ticket::id).contains(t.id());
        assertThat(redis.zrange(RedisKeys.SLA_ALARMS, 0, -1)).anyMatch(m -> m.startsWith(id + "|HANDLE|RED|"));
        t = apply(t, new Command.Sign(), URBAN);
        t = apply(t, new Command.RecordContact("已联系市民"), URBAN);
        t = apply(t, new Command.SubmitReply("已清理", ReplyResult.RESOLVED), URBAN);
        assertThat(redis.zrange(RedisKeys.SLA_ALARMS, 0, -1)).noneMatch(m -> m.startsWith(id + "|"));
        t = apply(t, new Command.AcceptReply(null), DISPATCHER);
        t = apply(t, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null), AGENT);
        Ticket closed = apply(t, new Command.Close(null), AGENT);

        Ticket stored = await(service.findByNumber(closed.number().value())).orElseThrow();
        assertThat(stored).isEqualTo(closed);
        assertThat(stream(closed)).extracting(m -> m.getBody().get("type")).containsExactly("TicketReceived",
                "TicketClassified", "TicketAssigned", "TicketSigned", "CitizenContacted", "TicketReplied",
                "ReplyAccepted", "ReturnVisitRecorded", "TicketClosed");
        assertThat(stream(closed).get(3).getBody().get("event")).contains("\"role\":\"DEPARTMENT\"", "\"departmentId\":\"urban\"");
        assertThat(stream(closed)).filteredOn(m -> m.getBody().containsKey("ticket")).extracting(m -> m.getBody().get("type"))
                .as("lean entries: only a received and a closed ticket carry the snapshot").containsExactly("TicketReceived", "TicketClosed");
        printEntryBytes(stream(closed));
        assertThat(await(service.inbox("urban", 0, 100))).extracting(Ticket::id).doesNotContain(closed.id());
        assertThat(await(service.ofCaller("13800138000", 100))).extracting(Ticket::id).contains(closed.id());
    }

    @Test
    void theSameIdempotencyKeyNeverCreatesTwoTickets() {
        String key = "web-" + System.nanoTime();
        assertThat(receive(key).id()).isEqualTo(receive(key).id());
    }

    @Test
    void aRefusalChangesNothingStored() {
        Ticket t = assigned();
        Actor other = Actor.department("u2", "environment", "环保局");
        assertThatThrownBy(() -> apply(t, new Command.Sign(), other))
                .isInstanceOfSatisfying(HotlineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.code()).isEqualTo("ticket.not-assignee");
                });
        assertThatThrownBy(() -> apply(t, new Command.Reassign("nowhere", Set.of(), "改派"), DISPATCHER))
                .isInstanceOfSatisfying(HotlineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST));
        assertThatThrownBy(() -> apply(t, new Command.SubmitReply("x", ReplyResult.RESOLVED), URBAN))
                .isInstanceOfSatisfying(HotlineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.REJECTED));
        assertThat(await(service.load(t.id())).version()).isEqualTo(t.version());
    }

    @Test
    void concurrentCommandsAreDecidedAgainOnAFreshReadAndNeverBothWinAnIllegalStep() {
        Ticket t = assigned();
        List<Future<Ticket>> tags = List.of(service.apply(t.id(), new Command.AddTag("热点"), AGENT),
                service.apply(t.id(), new Command.AddTag("夜间"), AGENT));
        await(Future.all(tags));
        assertThat(await(service.load(t.id())).tags()).containsExactlyInAnyOrder("热点", "夜间");

        List<Future<Ticket>> signs = List.of(service.apply(t.id(), new Command.Sign(), URBAN), service.apply(t.id(), new Command.Sign(), URBAN));
        await(Future.join(signs).otherwiseEmpty());
        assertThat(signs.stream().filter(Future::succeeded)).hasSize(1);
        assertThat(signs.stream().filter(Future::failed).map(f -> ((HotlineException) f.cause()).code()))
                .containsExactly("ticket.illegal-transition");
        assertThat(await(service.load(t.id())).version()).isEqualTo(t.version() + 3);
    }

    @Test
    void aMergedTicketGetsTheMastersReviewedReplyAndItsOwnReturnVisit() {
        Ticket master = assigned();
        Ticket duplicate = receive(null);
        Ticket merged = apply(duplicate, new Command.MergeInto(master.id(), "同一事项"), DISPATCHER);
        assertThat(merged.status()).isEqualTo(TicketStatus.MERGED);
        master = apply(master, new Command.Sign(), URBAN);
        master = apply(master, new Command.SubmitReply("已统一清理", ReplyResult.RESOLVED), URBAN);
        master = apply(master, new Command.AcceptReply(null), DISPATCHER);
        assertThat(master.mergedTicketIds()).containsExactly(duplicate.id());
        Ticket follower = await(service.load(duplicate.id()));
        assertThat(follower.reply().text()).isEqualTo("已统一清理");
        Ticket visited = apply(follower, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.BASICALLY_SATISFIED, null), AGENT);
        assertThat(visited.visit().satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
    }

    @Test
    void aDuplicateAlreadyDispatchedAndSignedIsMergedFollowsTheMastersReplyCountsForItsUnitAndClosesWithIt() {
        Ticket master = assigned();
        Ticket duplicate = apply(assigned(), new Command.Sign(), URBAN);
        // after auto-dispatch and signing: 并单 is still possible while the master is open
        Ticket merged = apply(duplicate, new Command.MergeInto(master.id(), "同一占道点位"), DISPATCHER);
        assertThat(merged.status()).isEqualTo(TicketStatus.MERGED);

        master = apply(apply(master, new Command.Sign(), URBAN), new Command.SubmitReply("已统一清理", ReplyResult.RESOLVED), URBAN);
        master = apply(master, new Command.AcceptReply(null), DISPATCHER);
        Ticket follower = await(service.load(duplicate.id()));
        assertThat(follower.reply().text()).isEqualTo("已统一清理");
        assertThat(follower.leadDepartment()).as("its citizen's rating counts for the master's unit").isEqualTo(master.leadDepartment());
        assertThat(refusalCode(() -> apply(follower, new Command.Close("手工办结"), AGENT))).isEqualTo("ticket.merged-follows-master");
        apply(follower, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null), AGENT);

        master = apply(master, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null), AGENT);
        Ticket closedMaster = apply(master, new Command.Close(null), AGENT);
        Ticket closed = await(service.load(duplicate.id()));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.masterTicketId()).isEqualTo(closedMaster.id());
        assertThat(closed.closedAt()).isNotNull();
        assertThat(refusalCode(() -> apply(receive(null), new Command.MergeInto(closedMaster.id(), null), DISPATCHER)))
                .isEqualTo("ticket.master-closed");
    }

    @Test
    void aTicketMergedAfterTheMastersReplyWasAcceptedGetsTheReplyAtOnce() {
        Ticket master = apply(apply(assigned(), new Command.Sign(), URBAN), new Command.SubmitReply("已处理", ReplyResult.RESOLVED), URBAN);
        master = apply(master, new Command.AcceptReply(null), DISPATCHER);

        Ticket merged = apply(assigned(), new Command.MergeInto(master.id(), "迟到的重复件"), DISPATCHER);

        assertThat(merged.status()).isEqualTo(TicketStatus.MERGED);
        assertThat(merged.reply().text()).isEqualTo("已处理");
    }

    @Test
    void aMistakenMergeIsUndoneWhileTheMasterIsOpenAndTheTicketGoesBackToItsUnit() {
        Ticket master = assigned();
        Ticket duplicate = assigned();
        apply(duplicate, new Command.MergeInto(master.id(), "误判为重复"), DISPATCHER);

        assertThat(refusalCode(() -> apply(duplicate, new Command.Unmerge("误并单"), AGENT))).isEqualTo("ticket.forbidden-role");
        Ticket own = apply(duplicate, new Command.Unmerge("误并单，诉求地点不同"), DISPATCHER);

        assertThat(own.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(own.masterTicketId()).isNull();
        assertThat(own.clocks().values()).anySatisfy(track -> assertThat(track.isRunning()).isTrue());
        assertThat(await(service.load(master.id())).mergedTicketIds()).doesNotContain(duplicate.id());
        assertThat(stream(own)).extracting(m -> m.getBody().get("type")).contains("TicketMerged", "TicketUnmerged");
        assertThat(stream(master)).extracting(m -> m.getBody().get("type")).contains("DuplicateAbsorbed", "DuplicateReleased");
        assertThat(refusalCode(() -> apply(own, new Command.Unmerge("再撤一次"), DISPATCHER))).isEqualTo("ticket.not-merged");
    }

    @Test
    void everyReturnVisitIsKeptThroughRehandlingAndSurvivesTheSnapshot() {
        Ticket t = apply(apply(assigned(), new Command.Sign(), URBAN), new Command.SubmitReply("已劝离", ReplyResult.RESOLVED), URBAN);
        t = apply(t, new Command.AcceptReply(null), DISPATCHER);
        t = apply(t, new Command.RecordReturnVisit(Resolution.UNRESOLVED, Satisfaction.DISSATISFIED, "仍在占道"), AGENT);
        t = apply(t, new Command.Rehandle("市民不满意"), DISPATCHER);
        assertThat(t.visit()).isNull();
        assertThat(t.firstVisit().satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        t = apply(apply(apply(t, new Command.Sign(), URBAN), new Command.SubmitReply("已取缔", ReplyResult.RESOLVED), URBAN),
                new Command.AcceptReply(null), DISPATCHER);
        apply(t, new Command.RecordReturnVisit(Resolution.RESOLVED, Satisfaction.SATISFIED, null), AGENT);

        Ticket stored = await(service.load(t.id()));

        assertThat(stored.visits()).extracting(v -> v.satisfaction()).containsExactly(Satisfaction.DISSATISFIED, Satisfaction.SATISFIED);
        assertThat(stored.lastVisit()).isEqualTo(stored.visit());
    }

    private static String refusalCode(Runnable action) {
        try {
            action.run();
        } catch (org.hotline.core.error.HotlineException refused) {
            return refused.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theDeadlineDerivationExplainsEachClock() {
        Ticket t = assigned();
        CLOCK.advance(Duration.ofMinutes(1));
        var clocks = await(service.deadlineDerivation(t.id()));
        ClockStatus handle = clocks.get(ClockName.HANDLE);
        assertThat(handle.dueAt()).isNotNull();
        assertThat(handle.derivation().steps()).anyMatch(step -> step.startsWith("时限：5个工作日"));
    }
}
