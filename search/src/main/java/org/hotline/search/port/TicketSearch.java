package org.hotline.search.port;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.TicketDocument;

/**
 * The search side's port: one implementation per technology (Elasticsearch, embedded Lucene), both
 * held to the same contract test suite. Futures complete on the caller's Vert.x context. Failures
 * are {@link org.hotline.core.error.HotlineException}s: UNAVAILABLE when the backend cannot be
 * reached (the indexer then leaves the backlog in Redis), INVALID_REQUEST for a bad query.
 */
public interface TicketSearch {

    /**
     * Indexes snapshots, each kept only if its version is newer than the indexed one, so repeats
     * and out-of-order deliveries change nothing. Per-document refusals come back in the outcome;
     * the future fails only when the backend as a whole did not take the batch.
     */
    Future<IndexOutcome> index(List<TicketDocument> tickets);

    /**
     * Keeps ticket events and call records, idempotent by kind and id: recording one again replaces
     * it. Both backends store them (Elasticsearch in its events/calls indices, Lucene in a second index).
     */
    Future<IndexOutcome> record(List<ActivityRecord> records);

    /**
     * Completes once everything indexed or recorded before the call would survive a crash of this
     * process: the indexer acknowledges stream entries only then. Elasticsearch: at once (a bulk
     * response means the translog has it); Lucene: after its next commit ({@code LuceneCommitPolicy}).
     */
    Future<Void> durable();

    /** Recorded events or calls matching the query, newest first (ties by id), visible after {@link #refresh()}. */
    Future<List<ActivityRecord>> activity(ActivityQuery query);

    /** Makes everything indexed so far visible to searches (tests and the rebuild command). */
    Future<Void> refresh();

    /**
     * Answers whether the backend can serve now, without changing anything: cheap enough for a
     * readiness probe polled every few seconds (unlike {@link #refresh()}).
     */
    Future<Void> ping();

    Future<SearchPage> search(TicketQuery query, SearchScope scope);

    /** Tickets whose text resembles {@code text}, best first, for duplicate detection and dispatch. */
    Future<List<TicketHit>> similar(String text, String excludeTicketId, int size, SearchScope scope);

    /** Sums of {@link org.hotline.search.port.TicketFacts} per lead department for tickets received in the period. */
    Future<Map<String, DepartmentTally>> departmentTallies(Period period, Instant asOf);

    /**
     * Per unit, the sums of {@link org.hotline.search.report.AssistanceFacts} over its parts as an assisting
     * unit (协办) on the tickets received in {@code period}; fixed by the tickets' histories, so no asOf.
     */
    Future<Map<String, org.hotline.search.port.AssistanceTally>> assistanceTallies(Period period);

    /**
     * Tickets first assigned in the period, per month of that assignment (in the configured zone) and
     * category, split by auto-dispatch or a person, with how many were misrouted (docs/measures.md, 错派率);
     * ordered by month, then category. Documents without a routing (never assigned, or indexed before it was
     * kept) are not counted.
     */
    Future<List<MisrouteBucket>> misrouteTallies(Period period);

    /** Ticket counts received per calendar bucket (in the configured zone) and per dimension value. */
    Future<List<VolumeBucket>> volumes(Period period, VolumeInterval by, VolumeDimension dimension);

    /** Words much more frequent in the period (and district, if given) than in all tickets. */
    Future<List<HotTopic>> hotTopics(Period period, String district, int size);

    /** Tickets received in the period (and how many were answered directly), calls that ended in it. */
    Future<CenterTally> centerTally(Period period);

    /** Open (not closed) tickets by status, and how many of them show a yellow or red card as of {@code asOf}. */
    Future<OpenSummary> openSummary(Instant asOf);

    Future<Void> close();

    /**
     * Yellow: not replied, the handling clock's yellow time passed but not its deadline; red: not
     * replied and the deadline passed.
     */
    record OpenSummary(Map<String, Long> byStatus, long yellow, long red) {
        public OpenSummary {
            byStatus = Map.copyOf(byStatus);
        }
    }

    /** Half-open interval [from, to) of received times. */
    record Period(Instant from, Instant to) {
        public Period {
            if (from == null || to == null || !from.isBefore(to)) {
                throw org.hotline.core.error.HotlineException.invalid("report.period", "统计区间无效：开始时间须早于结束时间");
            }
        }
    }

    record VolumeBucket(String period, String key, long count) {
    }

    /** {@code month} like {@code 2026-11}; {@code category} the ticket's category code. */
    record MisrouteBucket(String month, String category, MisrouteTally counts) {
    }

    record HotTopic(String word, long count, double score) {
    }
}
