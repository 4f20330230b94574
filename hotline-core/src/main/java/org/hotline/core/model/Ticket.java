package org.hotline.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockTrack;

/**
 * A work order (工单) as it stands after {@code version} events. Immutable; transitions build the
 * next one through {@link #toBuilder()} in {@link TicketRules}. Clocks are kept as their histories
 * ({@link ClockTrack}) so deadlines are always derived, never stored.
 */
public record Ticket(
        TicketId id, TicketNumber number, QueryCode queryCode, long version, TicketStatus status,
        Channel channel, AppealType appealType, Urgency urgency, String title, String content,
        Caller caller, Location location, Category category,
        String leadDepartment, Set<String> assistingDepartments,
        Instant receivedAt, Instant signedAt, Instant firstContactAt, Instant repliedAt, Instant closedAt,
        Map<ClockName, ClockTrack> clocks, Reply reply, ReturnVisit visit,
        ExtensionRequest pendingExtension, ReturnRequest pendingReturn, TicketStatus suspendedFrom,
        int returnCount, int extensionCount, int urgeCount, UrgeLevel urgeLevel, int reopenCount,
        TicketId masterTicketId, List<TicketId> mergedTicketIds, String properChannel,
        List<String> callIds, List<String> tags, List<ReturnVisit> visits, Routing routing,
        Map<String, Assistance> assistance) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 4000;

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(queryCode, "queryCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(appealType, "appealType");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Texts.require(title, "标题", MAX_TITLE);
        Texts.require(content, "诉求内容", MAX_CONTENT);
        if (version < 1) {
            throw new IllegalArgumentException("a ticket exists from version 1");
        }
        assistingDepartments = Set.copyOf(assistingDepartments);
        clocks = Map.copyOf(clocks);
        mergedTicketIds = List.copyOf(mergedTicketIds);
        callIds = List.copyOf(callIds);
        tags = List.copyOf(tags);
        assistance = assistance == null ? Map.of() : Map.copyOf(assistance);
        // a ticket restored from before visits were kept, or built with only its current visit: that one is all there is
        visits = (visits == null || visits.isEmpty()) && visit != null ? List.of(visit) : visits == null ? List.of() : List.copyOf(visits);
    }

    /**
     * Every return visit in the order they were made, kept through 重办 (which clears {@link #visit},
     * the current one): the first one is 一次满意率's, the last one the final 满意率's (docs/measures.md).
     */
    public List<ReturnVisit> visits() {
        return visits;
    }

    /** The first return visit, or null before any. */
    public ReturnVisit firstVisit() {
        return visits.isEmpty() ? null : visits.get(0);
    }

    /** The last return visit made, also after a 重办 that awaits its next one; null before any. */
    public ReturnVisit lastVisit() {
        return visits.isEmpty() ? null : visits.get(visits.size() - 1);
    }

    /** The assisting unit's part (协办), if {@code department} assists on this ticket and it was recorded. */
    public Optional<Assistance> assistanceOf(String department) {
        return Optional.ofNullable(department == null ? null : assistance.get(department));
    }

    public Optional<ClockTrack> clock(ClockName name) {
        return Optional.ofNullable(clocks.get(name));
    }

    /** Lead and assisting units: every department that sees the ticket in its inbox. */
    public Set<String> departments() {
        Set<String> all = new java.util.TreeSet<>(assistingDepartments);
        if (leadDepartment != null) {
            all.add(leadDepartment);
        }
        return all;
    }

    public TicketBuilder toBuilder() {
        return new TicketBuilder(this);
    }
}
