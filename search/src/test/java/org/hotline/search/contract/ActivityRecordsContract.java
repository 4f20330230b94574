package org.hotline.search.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.ActivityRecord.Kind;
import org.hotline.search.port.ActivityQuery;
import org.hotline.search.port.CenterTally;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.report.CenterRow;
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

    protected static ActivityRecord callOutcome(String callId, String outcome, int wait, int talk, Duration after) {
        return new ActivityRecord(Kind.CALL, callId, null, outcome, DAY.plus(after), "13800138000", Map.of("callId", callId,
                "outcome", outcome, "waitSeconds", Integer.toString(wait), "talkSeconds", Integer.toString(talk)));
    }

    @Test
    void centerMeasuresCountDirectAnswersAndTheCallsOfThePeriod() {
        index(ticket("d1", DAY).text("咨询公积金提取", "如何提取").set("status", "CLOSED").after("repliedAt", Duration.ofMinutes(3))
                        .after("closedAt", Duration.ofMinutes(3)).document(),
                ticket("d2", DAY.plusSeconds(60)).text("油烟扰民", "油烟").department("D-ENV").document(),
                ticket("d3", DAY.plusSeconds(120)).text("路灯不亮", "路灯").department("D-ROADS").set("status", "CLOSED")
                        .after("repliedAt", Duration.ofDays(1)).after("closedAt", Duration.ofDays(2)).document(),
                ticket("d4", DAY.plus(Duration.ofDays(40))).text("下个月的", "不在区间").set("status", "CLOSED")
                        .after("repliedAt", Duration.ofMinutes(1)).document());
        record(callOutcome("k1", "ANSWERED", 10, 100, Duration.ZERO), callOutcome("k2", "ANSWERED", 20, 200, Duration.ofHours(1)),
                callOutcome("k3", "ABANDONED", 30, 0, Duration.ofHours(2)), callOutcome("k4", "BLOCKED", 0, 0, Duration.ofHours(3)),
                callOutcome("k5", "ANSWERED", 5, 50, Duration.ofDays(40)));

        var tally = await(search.centerTally(new Period(DAY.minus(Duration.ofDays(1)), DAY.plus(Duration.ofDays(10)))));

        assertThat(tally).isEqualTo(new CenterTally(3, 1, 3, 2, 1, 1, 60, 300));
        assertThat(CenterRow.of(tally).directAnswerRate()).isEqualTo(0.3333);
        assertThat(CenterRow.of(tally).abandonmentRate()).isEqualTo(0.3333);
        assertThat(CenterRow.of(tally).averageTalkSeconds()).isEqualTo(150.0);
    }

    @Test
    void recordsDoNotCountAsTickets() {
        record(event("n1", 1, "TicketReceived", Duration.ZERO), call("c-9", "n1", "13800138000", Duration.ZERO));

        assertThat(find(null).total()).isZero();
    }
}
