package org.hotline.search.report;

import java.time.Instant;
import java.util.List;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.AssistanceTally;

/**
 * One assisting unit's part (协办) as report facts (docs/measures.md, 协办签收及时率 and 协办意见及时率),
 * fixed by the ticket's history so every backend counts them alike: a clock counts once the unit
 * signed (answered), or its red card was recorded (its deadline passed), or the part ended after its
 * deadline; on time when signed (answered) by the deadline. A part the lead's reply ended before its
 * deadline does not count: the unit was not late, the ticket was done.
 */
public record AssistanceFacts(String department, int signDue, int signedOnTime, int opinionDue, int answeredOnTime) {

    /** The unit's tally with this part added. */
    public AssistanceTally addTo(AssistanceTally tally) {
        return tally.plus(signDue, signedOnTime, opinionDue, answeredOnTime);
    }

    public static List<AssistanceFacts> of(TicketDocument t) {
        return t.assistance().stream().map(AssistanceFacts::of).toList();
    }

    static AssistanceFacts of(TicketDocument.Assist a) {
        int signDue = due(a.signDue(), a.signed(), a.signRed(), a.ended());
        int opinionDue = due(a.opinionDue(), a.answered(), a.opinionRed(), a.ended());
        return new AssistanceFacts(a.department(), signDue, signDue & onTime(a.signed(), a.signDue()),
                opinionDue, opinionDue & onTime(a.answered(), a.opinionDue()));
    }

    private static int due(Instant deadline, Instant done, boolean red, Instant ended) {
        if (deadline == null) {
            return 0;
        }
        return done != null || red || (ended != null && !deadline.isAfter(ended)) ? 1 : 0;
    }

    private static int onTime(Instant done, Instant deadline) {
        return done != null && !done.isAfter(deadline) ? 1 : 0;
    }
}
