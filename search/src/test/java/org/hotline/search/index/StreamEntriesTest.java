package org.hotline.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.group.StreamEntry;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.CountingSegmenter;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.doc.TicketSnapshots;
import org.junit.jupiter.api.Test;

/** What one batch of stream entries becomes: each changed ticket once, at its newest version, every event recorded. */
class StreamEntriesTest {

    static final Instant T = Instant.parse("2026-11-02T02:00:00Z");
    final CountingSegmenter segmenter = new CountingSegmenter();
    final StreamEntries entries = new StreamEntries(new TicketSnapshots(TicketSnapshot.MAPPER, segmenter), TicketSnapshot.MAPPER);

    private static StreamEntry event(int seq, String ticketId, long version, String title) {
        String snapshot = ticket(ticketId, T).text(title, "内容" + title).version(version).json();
        return new StreamEntry(RedisKeys.TICKET_EVENTS, "1-" + seq, Map.of("ticketId", ticketId, "version", Long.toString(version),
                "type", "TicketUpdated", "at", T.plusSeconds(version).toString(), "event", "{}", "ticket", snapshot));
    }

    @Test
    void aBatchWithFiveEventsOfOneTicketIndexesItOnceAtItsNewestVersion() {
        List<StreamEntry> batch = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            batch.add(event(v, "t1", v, "第" + v + "版 路灯不亮"));
        }

        var read = entries.read(RedisKeys.TICKET_EVENTS, batch);

        assertThat(read.tickets()).extracting(TicketDocument::version).containsExactly(5L);
        assertThat(read.tickets().get(0).title()).isEqualTo("第5版 路灯不亮");
        assertThat(segmenter.texts()).as("title, content and reply of the newest snapshot only").isEqualTo(3);
        assertThat(read.records()).extracting(ActivityRecord::id).containsExactly("t1:1", "t1:2", "t1:3", "t1:4", "t1:5");
        assertThat(read.poison()).isEmpty();
    }

    @Test
    void eventsDeliveredOutOfOrderStillIndexTheNewestVersion() {
        var read = entries.read(RedisKeys.TICKET_EVENTS, List.of(event(1, "t1", 3, "新"), event(2, "t2", 1, "别的"), event(3, "t1", 2, "旧")));

        assertThat(read.tickets()).extracting(TicketDocument::id, TicketDocument::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", 3L), org.assertj.core.groups.Tuple.tuple("t2", 1L));
    }

    /** Ticket t1's first entry with its snapshot, then a second entry of t1 with {@code fields} besides the usual ones. */
    private StreamEntries.Batch firstThenSecond(Map<String, String> fields) {
        var second = new java.util.HashMap<>(Map.of("ticketId", "t1", "version", "2", "type", "TicketSigned", "at", T.toString()));
        second.putAll(fields);
        return entries.read(RedisKeys.TICKET_EVENTS, List.of(event(1, "t1", 1, "路灯"), new StreamEntry(RedisKeys.TICKET_EVENTS, "1-9", second)));
    }

    @Test
    void aTicketWhoseNewestEntryIsLeanIsLeftToBeReadFromRedis() {
        var read = firstThenSecond(Map.of("event", "{}"));

        assertThat(read.tickets()).isEmpty();
        assertThat(read.current()).containsExactly("t1");
        assertThat(segmenter.texts()).as("the older snapshot is not even parsed").isZero();
        assertThat(read.records()).extracting(ActivityRecord::id).containsExactly("t1:1", "t1:2");
    }

    @Test
    void anUnreadableNewestSnapshotIsPoisonAndItsEventsAreStillRecorded() {
        var read = firstThenSecond(Map.of("ticket", "{not json"));

        assertThat(read.tickets()).isEmpty();
        assertThat(read.poison()).extracting(StreamEntries.Poison::entryId).containsExactly("1-9");
        assertThat(read.records()).hasSize(2);
    }

    @Test
    void aStoredTicketsEventListMakesTheSameRecordsAsItsStreamEntries() {
        String snapshot = ticket("t1", T).text("路灯", "路灯不亮").version(2).json();
        var stored = new StreamEntries.StoredTicket("t1", snapshot, List.of(
                "1|TicketUpdated|" + T.plusSeconds(1) + "|{}", "2|TicketUpdated|" + T.plusSeconds(2) + "|{}"));

        var fromList = entries.readStored(List.of(stored));
        var fromStream = entries.read(RedisKeys.TICKET_EVENTS, List.of(event(1, "t1", 1, "路灯"), event(2, "t1", 2, "路灯")));

        assertThat(fromList.records()).isEqualTo(fromStream.records());
        assertThat(fromList.tickets()).extracting(TicketDocument::version).containsExactly(2L);
        assertThat(fromList.poison()).isEmpty();
    }

    @Test
    void anUnreadableSnapshotOrListElementIsPoisonUnderItsRedisKeyAndTheRestIsRead() {
        var stored = new StreamEntries.StoredTicket("t1", "{not json", List.of("not an element", "2|TicketSigned|" + T + "|{\"a\":\"x|y\"}"));

        var read = entries.readStored(List.of(stored));

        assertThat(read.tickets()).isEmpty();
        assertThat(read.records()).extracting(r -> r.id() + " " + r.body()).containsExactly("t1:2 {a=x|y}");
        assertThat(read.poison()).extracting(p -> p.stream() + " " + p.entryId())
                .containsExactly("hotline:ticket:t1 s", "hotline:events:t1 0");
    }
}
