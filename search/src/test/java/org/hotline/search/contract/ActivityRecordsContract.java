package org.hotline.search.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.ActivityRecord.Kind;
import org.hotline.search.port.ActivityQuery;
import org.junit.jupiter.api.Test;

/** Ticket events and call records: both backends keep them and give them back alike. */
public abstract class ActivityRecordsContract extends TicketSearchContract {

    protected void record(ActivityRecord... records) {
        await(search.record(List.of(records)));
        await(search.refresh());
    }

    protected static ActivityRecord event(String ticketId, long version, String type, Duration after) {
        return new ActivityRecord(Kind.EVENT, ticketId + ":" + version, ticketId, type, DAY.plus(after), null,
                Map.of("type", type, "reason", "第" + version + "步"));
    }

    protected static ActivityRecord call(String callId, String ticketId, String phone, Duration after) {
        return new ActivityRecord(Kind.CALL, callId, ticketId, "ANSWERED", DAY.plus(after), phone,
                Map.of("callId", callId, "caller", phone, "queue", "common"));
    }

    @Test
    void aTicketsEventsComeBackNewestFirstWithTheirBody() {
        record(event("e1", 1, "TicketReceived", Duration.ZERO), event("e1", 2, "TicketAssigned", Duration.ofMinutes(5)),
                event("e1", 3, "TicketSigned", Duration.ofMinutes(30)), event("e2", 1, "TicketReceived", Duration.ofMinutes(1)));

        var events = await(search.activity(ActivityQuery.eventsOf("e1", 10)));

        assertThat(events).extracting(ActivityRecord::type).containsExactly("TicketSigned", "TicketAssigned", "TicketReceived");
        assertThat(events.get(0)).isEqualTo(event("e1", 3, "TicketSigned", Duration.ofMinutes(30)));
        assertThat(await(search.activity(ActivityQuery.eventsOf("e1", 2)))).hasSize(2);
    }

    @Test
    void aRedeliveredRecordReplacesItselfInsteadOfAddingACopy() {
        record(event("r1", 1, "TicketReceived", Duration.ZERO), call("c-1", "r1", "13800138000", Duration.ZERO));
        record(event("r1", 1, "TicketReceived", Duration.ZERO), call("c-1", "r1", "13800138000", Duration.ZERO));

        assertThat(await(search.activity(ActivityQuery.eventsOf("r1", 10)))).hasSize(1);
        assertThat(await(search.activity(ActivityQuery.callsOf("13800138000", 10)))).hasSize(1);
    }

    @Test
    void callRecordsAreFoundByCallerOrByTicketAndKeptApartFromEvents() {
        record(call("c-1", "k1", "13800138000", Duration.ZERO), call("c-2", null, "13800138000", Duration.ofHours(1)),
                call("c-3", "k2", "13900139000", Duration.ofHours(2)), event("k1", 1, "TicketReceived", Duration.ZERO));

        assertThat(await(search.activity(ActivityQuery.callsOf("13800138000", 10)))).extracting(ActivityRecord::id)
                .containsExactly("c-2", "c-1");
        assertThat(await(search.activity(new ActivityQuery(Kind.CALL, "k1", null, 10)))).extracting(ActivityRecord::id)
                .containsExactly("c-1");
        assertThat(await(search.activity(new ActivityQuery(Kind.CALL, null, null, 10)))).hasSize(3)
                .allMatch(r -> r.kind() == Kind.CALL);
        assertThat(await(search.activity(ActivityQuery.callsOf("13700137000", 10)))).isEmpty();
    }

    @Test
    void recordsDoNotCountAsTickets() {
        record(event("n1", 1, "TicketReceived", Duration.ZERO), call("c-9", "n1", "13800138000", Duration.ZERO));

        assertThat(find(null).total()).isZero();
    }
}
