package org.hotline.search.doc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the search side keeps of one ticket snapshot ({@code ticket.v1}): the fields people search,
 * filter and report on. Times are instants or null; {@code segmented} holds title, content and reply
 * as space-separated words of the project's segmenter, because the Elasticsearch build here has no
 * Chinese analyzer. {@code resolution} and {@code satisfaction} are the last return visit's (the final
 * rating, kept through a 重办 that awaits its next visit), {@code firstSatisfaction} the first visit's
 * (一次满意率, docs/measures.md); documents written before visits were kept carry null there and
 * count their last visit as their first. {@code routing} (null until first assigned, and in documents
 * written before it was kept) feeds the misroute rate (错派率, docs/measures.md).
 */
public record TicketDocument(
        String id,
        String number,
        long version,
        String status,
        String channel,
        String appealType,
        String urgency,
        String title,
        String content,
        String replyText,
        String segmented,
        Caller caller,
        String district,
        String street,
        String community,
        String address,
        String categoryCode,
        String categoryName,
        String leadDepartment,
        List<String> assistingDepartments,
        Milestones at,
        Deadlines due,
        String resolution,
        String satisfaction,
        int returnCount,
        int extensionCount,
        int urgeCount,
        List<String> tags,
        String firstSatisfaction,
        Routing routing,
        List<Assist> assistance) {

    public TicketDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(caller, "caller");
        assistingDepartments = assistingDepartments == null ? List.of() : List.copyOf(assistingDepartments);
        tags = tags == null ? List.of() : List.copyOf(tags);
        assistance = assistance == null ? List.of() : List.copyOf(assistance);
    }

    /**
     * An assisting unit's part (协办): its sign-for and opinion deadlines (null without the clock), when it
     * signed and answered, whether the red card of each deadline was recorded, and when the part ended
     * unfinished (the lead replied first). Documents written before parts were kept have none.
     */
    public record Assist(String department, Instant signDue, Instant signed, boolean signRed,
                         Instant opinionDue, Instant answered, boolean opinionRed, Instant ended) {
        public Assist {
            Objects.requireNonNull(department, "department");
        }
    }

    /** The caller as the stream carries it; masking happens where results leave the module. */
    public record Caller(String name, String phone, boolean confidential, boolean anonymous) {
    }

    /** When the ticket passed its milestones; null until it did. */
    public record Milestones(Instant received, Instant signed, Instant firstContact, Instant replied, Instant closed) {
        public Milestones {
            Objects.requireNonNull(received, "received");
        }
    }

    /** Deadlines of the clocks supervisors are judged by; null when the clock never ran. */
    public record Deadlines(Instant sign, Instant contact, Instant handle, Instant handleYellow) {
    }

    public boolean open() {
        return at.closed() == null;
    }

    /** The first assignment, whether auto-dispatch made it, and the approved 退单 since. */
    public record Routing(Instant firstAssignedAt, boolean automatic, int approvedReturns) {
        public Routing {
            Objects.requireNonNull(firstAssignedAt, "firstAssignedAt");
        }

        /** Misrouted: an approved return named another responsible unit, so the first routing was wrong. */
        public boolean misrouted() {
            return approvedReturns > 0;
        }
    }

    /** Departments whose data scope includes this ticket: the lead and every assisting unit. */
    public List<String> departments() {
        if (leadDepartment == null) {
            return assistingDepartments;
        }
        var all = new java.util.ArrayList<String>(assistingDepartments.size() + 1);
        all.add(leadDepartment);
        all.addAll(assistingDepartments);
        return all;
    }
}
