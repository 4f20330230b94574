package org.hotline.search.port;

import java.time.Duration;
import java.time.Instant;
import org.hotline.search.doc.TicketDocument;

/**
 * The countable facts of one ticket, as of an instant: the numerators and denominators of every
 * rate in docs/measures.md. Every backend and every recomputation goes through this one definition;
 * Elasticsearch stores the facts that do not depend on {@code asOf} at index time and evaluates the
 * others ("is it due yet?") as range filters that mirror {@link #of}.
 */
public record TicketFacts(
        int signDue, int signedOnTime,
        int responseDue, int responded,
        int completionDue, int completedOnTime,
        int visited, int resolved,
        int rated, int satisfied, int basicallySatisfied,
        int returns, int extensions,
        int overdue,
        int replied, long handlingSeconds,
        int firstRated, int firstSatisfied, int firstBasicallySatisfied) {

    public static TicketFacts of(TicketDocument t, Instant asOf) {
        var at = t.at();
        var due = t.due();
        Fixed fixed = Fixed.of(t);
        return new TicketFacts(
                isDue(due.sign(), at.signed(), asOf), fixed.signedOnTime(),
                isDue(due.contact(), at.firstContact(), asOf), fixed.responded(),
                isDue(due.handle(), at.replied(), asOf), fixed.completedOnTime(),
                fixed.visited(), fixed.resolved(),
                fixed.rated(), fixed.satisfied(), fixed.basicallySatisfied(),
                t.returnCount(), t.extensionCount(),
                fixed.repliedLate() | (at.replied() == null && due.handle() != null && !due.handle().isAfter(asOf) ? 1 : 0),
                at.replied() == null ? 0 : 1, fixed.handlingSeconds(),
                fixed.firstRated(), fixed.firstSatisfied(), fixed.firstBasicallySatisfied());
    }

    /** A clock counts once it has a deadline and either stopped or its deadline passed. */
    private static int isDue(Instant deadline, Instant stoppedAt, Instant asOf) {
        return deadline != null && (stoppedAt != null || !deadline.isAfter(asOf)) ? 1 : 0;
    }

    /** Facts fixed by the ticket's own history, independent of when the report runs. */
    public record Fixed(int signedOnTime, int responded, int completedOnTime, int repliedLate,
                        int visited, int resolved, int rated, int satisfied, int basicallySatisfied,
                        long handlingSeconds, int firstRated, int firstSatisfied, int firstBasicallySatisfied) {

        public static Fixed of(TicketDocument t) {
            var at = t.at();
            var due = t.due();
            int signedOnTime = within(at.signed(), due.sign());
            int signOk = due.sign() == null || signedOnTime == 1 ? 1 : 0;
            String resolution = t.resolution();
            String satisfaction = t.satisfaction();
            boolean visited = "RESOLVED".equals(resolution) || "PARTLY_RESOLVED".equals(resolution)
                    || "UNRESOLVED".equals(resolution);
            boolean rated = rated(satisfaction);
            // the first visit's rating; a document from before visits were kept has only its last one
            String first = t.firstSatisfaction() != null ? t.firstSatisfaction() : satisfaction;
            return new Fixed(signedOnTime, signOk & within(at.firstContact(), due.contact()),
                    within(at.replied(), due.handle()),
                    at.replied() != null && due.handle() != null && at.replied().isAfter(due.handle()) ? 1 : 0,
                    visited ? 1 : 0, "RESOLVED".equals(resolution) ? 1 : 0, rated ? 1 : 0,
                    "SATISFIED".equals(satisfaction) ? 1 : 0, "BASICALLY_SATISFIED".equals(satisfaction) ? 1 : 0,
                    at.replied() == null ? 0 : Duration.between(at.received(), at.replied()).toSeconds(),
                    rated(first) ? 1 : 0, "SATISFIED".equals(first) ? 1 : 0, "BASICALLY_SATISFIED".equals(first) ? 1 : 0);
        }

        private static boolean rated(String satisfaction) {
            return "SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction)
                    || "DISSATISFIED".equals(satisfaction);
        }

        private static int within(Instant happened, Instant deadline) {
            return happened != null && deadline != null && !happened.isAfter(deadline) ? 1 : 0;
        }
    }
}
