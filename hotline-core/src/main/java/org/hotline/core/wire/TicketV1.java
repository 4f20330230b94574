package org.hotline.core.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ticket snapshot, schema {@code ticket.v1} (docs/architecture.md). Fields beyond the listed
 * contract ({@code queryCode}, clock {@code limit}/{@code marks}, pending requests, ...) let the
 * core restore the ticket exactly from its snapshot; consumers ignore them.
 */
public record TicketV1(
        String schema, String id, String number, String queryCode, long version, String status,
        String channel, String appealType, String urgency, String title, String content,
        CallerV1 caller, LocationV1 location, CategoryV1 category,
        String leadDepartment, List<String> assistingDepartments,
        Instant receivedAt, Instant signedAt, Instant firstContactAt, Instant repliedAt, Instant closedAt,
        Map<String, ClockV1> clocks, ReplyV1 reply, VisitV1 visit,
        ExtensionV1 pendingExtension, ReturnV1 pendingReturn, String suspendedFrom,
        int returnCount, int extensionCount, int urgeCount, String urgeLevel, int reopenCount,
        String masterTicketId, List<String> mergedTicketIds, String properChannel,
        List<String> callIds, List<String> tags, List<VisitV1> visits, RoutingV1 routing,
        List<AssistanceV1> assistance) {

    public static final String SCHEMA = "ticket.v1";

    /** A snapshot without {@code routing} and {@code assistance} (written before they were kept, or by a producer that has none). */
    public TicketV1(
            String schema, String id, String number, String queryCode, long version, String status,
            String channel, String appealType, String urgency, String title, String content,
            CallerV1 caller, LocationV1 location, CategoryV1 category,
            String leadDepartment, List<String> assistingDepartments,
            Instant receivedAt, Instant signedAt, Instant firstContactAt, Instant repliedAt, Instant closedAt,
            Map<String, ClockV1> clocks, ReplyV1 reply, VisitV1 visit,
            ExtensionV1 pendingExtension, ReturnV1 pendingReturn, String suspendedFrom,
            int returnCount, int extensionCount, int urgeCount, String urgeLevel, int reopenCount,
            String masterTicketId, List<String> mergedTicketIds, String properChannel,
            List<String> callIds, List<String> tags, List<VisitV1> visits) {
        this(schema, id, number, queryCode, version, status, channel, appealType, urgency, title, content, caller,
                location, category, leadDepartment, assistingDepartments, receivedAt, signedAt, firstContactAt,
                repliedAt, closedAt, clocks, reply, visit, pendingExtension, pendingReturn, suspendedFrom, returnCount,
                extensionCount, urgeCount, urgeLevel, reopenCount, masterTicketId, mergedTicketIds, properChannel,
                callIds, tags, visits, null, null);
    }

    /**
     * An assisting unit's part (协办, optional, absent in snapshots written before it was kept): its own
     * {@code SIGN} and {@code OPINION} clocks, when it signed, its opinion to the lead and when, and
     * when its part ended unfinished because the ticket left handling.
     */
    public record AssistanceV1(String department, Map<String, ClockV1> clocks, Instant signedAt, String opinion,
                               Instant answeredAt, Instant endedAt) { }

    /** The first assignment and the approved returns since ({@code Routing}); null until first assigned. */
    public record RoutingV1(Instant firstAssignedAt, boolean automatic, int approvedReturns) { }

    public record CallerV1(String name, String phone, boolean confidential, boolean anonymous) { }

    public record LocationV1(String district, String street, String community, String address, Double lat, Double lon) { }

    /** {@code path} is the names from the top level down joined by "/", e.g. 城乡建设/市容环境/占道经营. */
    public record CategoryV1(String code, String name, String path) { }

    /**
     * {@code alarms} (optional, absent in snapshots written before it existed) lists the SLA alarms
     * the ticket recorded for the clock's current deadline, so a redelivered alarm is not repeated.
     */
    public record ClockV1(Instant startedAt, Instant dueAt, Instant yellowAt, Instant stoppedAt, boolean paused,
                          String limit, List<MarkV1> marks, List<AlarmV1> alarms) {

        public ClockV1(Instant startedAt, Instant dueAt, Instant yellowAt, Instant stoppedAt, boolean paused,
                       String limit, List<MarkV1> marks) {
            this(startedAt, dueAt, yellowAt, stoppedAt, paused, limit, marks, null);
        }
    }

    /** {@code level} is {@code YELLOW} or {@code RED}; {@code dueAt} the deadline it was recorded for. */
    public record AlarmV1(String level, Instant dueAt) { }

    public record MarkV1(String kind, Instant at, String extension) { }

    public record ReplyV1(String text, String result, Instant at, String departmentId) { }

    public record VisitV1(String resolution, String satisfaction, String note, Instant at) { }

    public record ExtensionV1(String amount, String reason, String departmentId, Instant at) { }

    public record ReturnV1(String reason, String responsibleParty, String departmentId, String fromStatus, Instant at) { }
}
