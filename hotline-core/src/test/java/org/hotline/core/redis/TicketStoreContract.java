package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.redis.Commits.T0;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.hotline.core.port.TicketStore;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TicketStore} must show, written once; a subclass supplies the store
 * (backed by a real server). Tests use fresh ids, phones and departments, so they share one server.
 */
abstract class TicketStoreContract {

    protected abstract TicketStore store();

    protected abstract Vertx vertx();

    static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    StoredTicket created(String phone) {
        return Await.result(store().create(Commits.create(Commits.newId(), Commits.newNumber(), T0, Commits.received(phone)), null));
    }

    @Test
    void createdTicketIsFoundByIdAndByNumber() {
        TicketCommit create = Commits.create(Commits.newId(), Commits.newNumber());
        StoredTicket stored = Await.result(store().create(create, null));

        assertThat(stored).isEqualTo(create.next());
        assertThat(Await.result(store().findById(create.ticketId()))).contains(create.next());
        assertThat(Await.result(store().findByNumber(create.number()))).contains(create.next());
    }

    @Test
    void eventsOfATicketAreListedOldestFirstAsCommitted() {
        StoredTicket v1 = created(newPhone());
        TicketCommit assign = Commits.next(v1, T0.plusSeconds(60), Commits.received(null), "TicketClassified", "TicketAssigned");
        StoredTicket v3 = Await.result(store().commit(assign));
        Await.result(store().commit(Commits.next(v3, T0.plusSeconds(120), Commits.received(null), "TicketSigned")));

        List<StreamEvent> events = Await.result(store().eventsOf(v1.id()));

        assertThat(events).extracting(StreamEvent::type)
                .containsExactly("TicketReceived", "TicketClassified", "TicketAssigned", "TicketSigned");
        assertThat(events).extracting(StreamEvent::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.get(2)).isEqualTo(assign.events().get(1));
        assertThat(events.get(3).at()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aRefusedCommitAddsNoEventAndAnUnknownTicketHasNone() {
        StoredTicket v1 = created(newPhone());
        Await.result(store().commit(Commits.next(v1, T0, Commits.received(null), "TicketClassified")));
        Await.failure(store().commit(Commits.next(v1, T0, Commits.received(null), "TicketAssigned")));

        assertThat(Await.result(store().eventsOf(v1.id()))).extracting(StreamEvent::type)
                .containsExactly("TicketReceived", "TicketClassified");
        assertThat(Await.result(store().eventsOf(Commits.newId()))).isEmpty();
    }

    @Test
    void unknownTicketIsNotFoundByIdOrNumber() {
        assertThat(Await.result(store().findById(Commits.newId()))).isEmpty();
        assertThat(Await.result(store().findByNumber(Commits.newNumber()))).isEmpty();
    }

    @Test
    void commitAtTheCurrentVersionStoresTheNextSnapshot() {
        StoredTicket v1 = created(newPhone());
        TicketCommit assign = Commits.next(v1, T0.plusSeconds(60),
                Commits.indexes("ASSIGNED", true, null, 1.0, Set.of("dept-water"), Set.of()), "TicketClassified", "TicketAssigned");

        StoredTicket v3 = Await.result(store().commit(assign));

        assertThat(v3.version()).isEqualTo(3);
        assertThat(Await.result(store().findById(v1.id()))).contains(assign.next());
    }

    @Test
    void commitAtAStaleVersionIsRefusedAsConflict() {
        StoredTicket v1 = created(newPhone());
        Await.result(store().commit(Commits.next(v1, T0, Commits.received(null), "TicketClassified")));

        HotlineException refused = Await.failure(store().commit(Commits.next(v1, T0, Commits.received(null), "TicketAssigned")));

        assertThat(refused.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(refused.code()).isEqualTo("ticket.stale-version");
        assertThat(refused.getMessage()).contains("刷新后重试");
    }

    @Test
    void aRefusedCommitChangesNothing() {
        String phone = newPhone();
        String department = "dept-" + Commits.newId();
        StoredTicket v1 = created(phone);
        TicketCommit assign = Commits.next(v1, T0, Commits.indexes("ASSIGNED", true, phone, 5.0, Set.of(department), Set.of()),
                "TicketAssigned");
        Await.result(store().commit(assign));
        TicketCommit stale = Commits.next(v1, T0, Commits.indexes("CLOSED", false, newPhone(), 1.0, Set.of("dept-other"), Set.of()),
                "TicketClosed");

        Await.failure(store().commit(stale));

        assertThat(Await.result(store().findById(v1.id()))).contains(assign.next());
        assertThat(Await.result(store().inbox(department, 0, 10))).containsExactly(v1.id());
        assertThat(Await.result(store().ticketsInStatus("CLOSED", 0, 1000))).doesNotContain(v1.id());
        assertThat(Await.result(store().ticketsOfCaller(phone, 10))).containsExactly(v1.id());
    }

    @Test
    void creatingAnExistingTicketAgainIsRefusedAsConflict() {
        TicketCommit create = Commits.create(Commits.newId(), Commits.newNumber());
        Await.result(store().create(create, null));

        assertThat(Await.failure(store().create(create, null)).kind()).isEqualTo(ErrorKind.CONFLICT);
    }

    @Test
    void commitOnAnUnknownTicketIsNotFound() {
        TicketCommit orphan = Commits.transition(Commits.newId(), Commits.newNumber(), 3, T0, Commits.received(null), "TicketSigned");

        HotlineException refused = Await.failure(store().commit(orphan));

        assertThat(refused.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void eachCommitReplacesTheTicketsIndexEntries() {
        String phone = newPhone();
        String first = "dept-" + Commits.newId();
        String second = "dept-" + Commits.newId();
        StoredTicket v1 = created(phone);
        StoredTicket v2 = Await.result(store().commit(Commits.next(v1, T0,
                Commits.indexes("ASSIGNED", true, phone, 1.0, Set.of(first), Set.of()), "TicketAssigned")));

        Await.result(store().commit(Commits.next(v2, T0,
                Commits.indexes("CLOSED", false, phone, 1.0, Set.of(second), Set.of()), "TicketClosed")));

        assertThat(Await.result(store().inbox(first, 0, 10))).isEmpty();
        assertThat(Await.result(store().inbox(second, 0, 10))).containsExactly(v1.id());
        assertThat(Await.result(store().ticketsInStatus("ASSIGNED", 0, 1000))).doesNotContain(v1.id());
        assertThat(Await.result(store().ticketsInStatus("RECEIVED", 0, 1000))).doesNotContain(v1.id());
        assertThat(Await.result(store().ticketsInStatus("CLOSED", 0, 1000))).contains(v1.id());
    }

    @Test
    void aCorrectedPhoneMovesTheTicketToTheNewCallersHistory() {
        String wrong = newPhone();
        String right = newPhone();
        StoredTicket v1 = created(wrong);

        Await.result(store().commit(Commits.next(v1, T0, Commits.received(right), "TicketCorrected")));

        assertThat(Await.result(store().ticketsOfCaller(wrong, 10))).isEmpty();
        assertThat(Await.result(store().ticketsOfCaller(right, 10))).containsExactly(v1.id());
    }

    @Test
    void inboxListsTheNearestDeadlineFirst() {
        String department = "dept-" + Commits.newId();
        List<Double> deadlines = List.of(300.0, 100.0, 200.0);
        List<String> ids = deadlines.stream().map(deadline -> {
            TicketCommit create = Commits.create(Commits.newId(), Commits.newNumber(), T0,
                    Commits.indexes("ASSIGNED", true, null, deadline, Set.of(department), Set.of()));
            return Await.result(store().create(create, null)).id();
        }).toList();

        assertThat(Await.result(store().inbox(department, 0, 10))).containsExactly(ids.get(1), ids.get(2), ids.get(0));
        assertThat(Await.result(store().inbox(department, 1, 1))).containsExactly(ids.get(2));
    }

    @Test
    void callersTicketsAreListedNewestFirst() {
        String phone = newPhone();
        TicketCommit older = Commits.create(Commits.newId(), Commits.newNumber(), T0, Commits.received(phone));
        TicketCommit newer = Commits.create(Commits.newId(), Commits.newNumber(), T0.plusSeconds(600), Commits.received(phone));
        Await.result(store().create(older, null));
        Await.result(store().create(newer, null));

        assertThat(Await.result(store().ticketsOfCaller(phone, 10))).containsExactly(newer.ticketId(), older.ticketId());
    }

    @Test
    void replayingAnIntakeKeyReturnsTheFirstTicketAndStoresNothingNew() {
        String key = "web-" + Commits.newId();
        TicketCommit first = Commits.create(Commits.newId(), Commits.newNumber());
        TicketCommit replay = Commits.create(Commits.newId(), Commits.newNumber());
        Await.result(store().create(first, key));

        StoredTicket answer = Await.result(store().create(replay, key));

        assertThat(answer).isEqualTo(first.next());
        assertThat(Await.result(store().findById(replay.ticketId()))).isEmpty();
        assertThat(Await.result(store().findByNumber(replay.number()))).isEmpty();
    }

    @Test
    void allocatedNumbersAreReadableAndNeverRepeat() {
        LocalDate day = LocalDate.of(2031, 1, ThreadLocalRandom.current().nextInt(1, 29));
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(Await.result(store().allocateNumber(day)));
        }

        String prefix = "12345-" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(day) + "-";
        assertThat(numbers).hasSize(20)
                .allMatch(number -> number.startsWith(prefix))
                .allMatch(number -> number.matches("12345-\\d{8}-\\d{6}"));
    }

    @Test
    void aPageOutsideTheLimitsIsRefusedAsInvalid() {
        assertThat(Await.failure(store().inbox("dept-x", -1, 10)).kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(Await.failure(store().ticketsOfCaller(newPhone(), 0)).kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
    }

    @Test
    void resultsArriveOnTheCallersContext() {
        Context context = vertx().getOrCreateContext();
        Promise<Boolean> sameContext = Promise.promise();
        context.runOnContext(ignored -> store().findById(Commits.newId())
                .onComplete(done -> sameContext.complete(Vertx.currentContext() == context)));

        assertThat(Await.result(sameContext.future())).isTrue();
    }
}
