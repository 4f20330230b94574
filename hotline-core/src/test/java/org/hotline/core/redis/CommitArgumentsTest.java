package org.hotline.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.core.redis.Commits.T0;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.port.SlaAlarm;
import org.hotline.core.port.StoredTicket;
import org.hotline.core.port.StreamEvent;
import org.hotline.core.port.TicketCommit;
import org.junit.jupiter.api.Test;

class CommitArgumentsTest {

    private final RedisTicketStoreConfig config = RedisTicketStoreConfig.defaults();

    @Test
    void argumentsFollowTheLayoutTheScriptReads() {
        TicketCommit commit = Commits.create("t-1", "12345-20261122-000001", T0,
                Commits.indexes("ASSIGNED", true, "13800138000", 42.0, Set.of("dept-a"),
                        Set.of(new SlaAlarm("SIGN", "RED", 9L, 9L))));

        CommitArguments arguments = CommitArguments.of(commit, "key-1", config);

        assertThat(arguments.keys()).containsExactly("hotline:ticket:t-1",
                "hotline:stream:ticket-events", "hotline:sla:alarms", "hotline:number:12345-20261122-000001",
                "hotline:open", "hotline:intake:key-1", "hotline:events:t-1");
        assertThat(List.of(arguments.args()).subList(9, 20)).containsExactly("1", "ASSIGNED", "42.0", "13800138000",
                "1", "dept-a", "1", "t-1|SIGN|RED|9", "9", "1", "TicketReceived");
    }

    @Test
    void theHashKeepsTheSnapshotCompactedWhileTheStreamEntryAndTheEventListReadBackTheSame() {
        TicketCommit commit = Commits.create("t-1", "12345-20261122-000001", T0,
                Commits.indexes("ASSIGNED", true, "13800138000", 42.0, Set.of("dept-a"), Set.of()));

        List<String> args = List.of(CommitArguments.of(commit, null, config).args());

        assertThat(CompactText.expand(args.get(5))).isEqualTo(commit.next().snapshotJson());
        int event = args.indexOf("TicketReceived");
        assertThat(args.get(event + 4)).as("a received entry carries the plain snapshot").isEqualTo(commit.next().snapshotJson());
        assertThat(RedisTicketHistory.parse(args.get(event + 5))).isEqualTo(commit.events().get(0));
    }

    @Test
    void infiniteScoresAreWrittenTheWayRedisReadsThem() {
        assertThat(CommitArguments.score(Double.POSITIVE_INFINITY)).isEqualTo("+inf");
        assertThat(CommitArguments.score(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThatThrownBy(() -> CommitArguments.score(Double.NaN)).isInstanceOf(HotlineException.class);
    }

    @Test
    void aSnapshotOfAnotherTicketIsRefused() {
        StoredTicket other = new StoredTicket("t-2", "n", 1, "{}");
        TicketCommit commit = new TicketCommit("t-1", "n", 0, other,
                List.of(new StreamEvent("TicketReceived", 1, T0, "{}")), Commits.received(null));

        assertThatThrownBy(() -> CommitArguments.of(commit, null, config))
                .isInstanceOfSatisfying(HotlineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST));
    }

    @Test
    void eventVersionsOutOfSequenceAreRefused() {
        TicketCommit commit = new TicketCommit("t-1", "n", 0, new StoredTicket("t-1", "n", 2, "{}"),
                List.of(new StreamEvent("A", 2, T0, "{}"), new StreamEvent("B", 1, T0, "{}")), Commits.received(null));

        assertThatThrownBy(() -> CommitArguments.of(commit, null, config)).isInstanceOf(HotlineException.class);
    }

    @Test
    void anOversizedIdempotencyKeyIsRefused() {
        TicketCommit commit = Commits.create("t-1", "n");

        assertThatThrownBy(() -> CommitArguments.of(commit, "k".repeat(201), config))
                .hasMessageContaining("幂等键");
    }

    @Test
    void ticketNumbersArePaddedToSixDigits() {
        assertThat(TicketNumbers.format(LocalDate.of(2026, 11, 22), 123)).isEqualTo("12345-20261122-000123");
        assertThat(TicketNumbers.format(LocalDate.of(2026, 1, 2), 1_234_567)).isEqualTo("12345-20260102-1234567");
    }
}
