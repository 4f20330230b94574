package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.search.port.CenterTally;
import org.hotline.search.port.TicketSearch.HotTopic;
import org.hotline.search.port.TicketSearch.MisrouteBucket;
import org.hotline.search.port.TicketSearch.OpenSummary;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.TicketSearch.VolumeBucket;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;
import org.hotline.search.port.AssistanceTally;
import org.hotline.search.port.DepartmentTally;
import org.hotline.search.report.HotTopicScore;
import org.hotline.search.port.MisrouteTally;

/** Report requests as aggregations and their answers read back into the port's records. */
final class ElasticReports {

    private static final int MAX_DEPARTMENTS = 2000;
    private static final int MAX_CATEGORIES = 5000;
    private final String alias;
    private final ZoneId zone;

    ElasticReports(String alias, ZoneId zone) {
        this.alias = alias;
        this.zone = zone;
    }

    SearchRequest talliesRequest(Period period, Instant asOf) {
        var facts = new LinkedHashMap<String, Aggregation>();
        facts.put("signDue", filter(ElasticQueries.due("due_sign", "signed_at", asOf)));
        facts.put("responseDue", filter(ElasticQueries.due("due_contact", "first_contact_at", asOf)));
        facts.put("completionDue", filter(ElasticQueries.due("due_handle", "replied_at", asOf)));
        facts.put("overdue", filter(ElasticQueries.overdue(asOf)));
        for (String sum : List.of("f_signed_on_time", "f_responded", "f_completed_on_time", "f_visited", "f_resolved",
                "f_rated", "f_satisfied", "f_basically_satisfied", "return_count", "extension_count", "f_replied",
                "f_handling_seconds", "f_first_rated", "f_first_satisfied", "f_first_basically_satisfied")) {
            facts.put(sum, Aggregation.of(a -> a.sum(s -> s.field(sum))));
        }
        return SearchRequest.of(r -> r.index(alias).size(0).query(ElasticQueries.received(period.from(), period.to()))
                .aggregations("departments", a -> a.terms(t -> t.field("lead_department").size(MAX_DEPARTMENTS))
                        .aggregations(facts)));
    }

    /** The facts of {@link AssistanceFacts}, one terms aggregation per fact over the units that hold it. */
    static final List<String> ASSIST_FIELDS = List.of("assist_units", "assist_sign_due", "assist_signed_on_time",
            "assist_opinion_due", "assist_answered_on_time");

    SearchRequest assistanceRequest(Period period) {
        var facts = new LinkedHashMap<String, Aggregation>();
        for (String field : ASSIST_FIELDS) {
            facts.put(field, Aggregation.of(a -> a.terms(t -> t.field(field).size(MAX_DEPARTMENTS))));
        }
        return SearchRequest.of(r -> r.index(alias).size(0).query(ElasticQueries.received(period.from(), period.to()))
                .aggregations(facts));
    }

    Map<String, AssistanceTally> assistance(SearchResponse<?> response) {
        var counts = new TreeMap<String, long[]>();
        for (int i = 0; i < ASSIST_FIELDS.size(); i++) {
            for (var bucket : response.aggregations().get(ASSIST_FIELDS.get(i)).sterms().buckets().array()) {
                counts.computeIfAbsent(bucket.key().stringValue(), k -> new long[ASSIST_FIELDS.size()])[i] = bucket.docCount();
            }
        }
        var tallies = new TreeMap<String, AssistanceTally>();
        counts.forEach((unit, c) -> tallies.put(unit, new AssistanceTally(c[0], c[1], c[2], c[3], c[4])));
        return tallies;
    }

    /** Mirrors {@link org.hotline.search.report.MisrouteTally#plus}: months of first assignment, categories, auto or not. */
    SearchRequest misroutesRequest(Period period) {
        var split = new LinkedHashMap<String, Aggregation>();
        for (boolean auto : new boolean[] {true, false}) {
            split.put(auto ? "auto" : "manual", Aggregation.of(a -> a.filter(f -> f.term(t -> t.field("assigned_auto").value(auto)))
                    .aggregations("misrouted", m -> m.sum(x -> x.field("f_misrouted")))));
        }
        Query assigned = Query.of(q -> q.range(r -> r.untyped(u -> u.field("assigned_at")
                .gte(JsonData.of(period.from().toString())).lt(JsonData.of(period.to().toString())))));
        return SearchRequest.of(r -> r.index(alias).size(0).query(assigned)
                .aggregations("months", a -> a.dateHistogram(d -> d.field("assigned_at").calendarInterval(CalendarInterval.Month)
                                .timeZone(zone.getId()).format("yyyy-MM").minDocCount(1))
                        .aggregations("categories", c -> c.terms(t -> t.field("category").size(MAX_CATEGORIES))
                                .aggregations(split))));
    }

    List<MisrouteBucket> misroutes(SearchResponse<?> response) {
        var result = new ArrayList<MisrouteBucket>();
        for (var month : response.aggregations().get("months").dateHistogram().buckets().array()) {
            var categories = new TreeMap<String, MisrouteTally>();
            for (var category : month.aggregations().get("categories").sterms().buckets().array()) {
                Map<String, Aggregate> a = category.aggregations();
                categories.put(category.key().stringValue(), new MisrouteTally(
                        a.get("auto").filter().docCount(), sum(a.get("auto").filter().aggregations(), "misrouted"),
                        a.get("manual").filter().docCount(), sum(a.get("manual").filter().aggregations(), "misrouted")));
            }
            categories.forEach((category, tally) -> result.add(new MisrouteBucket(month.keyAsString(), category, tally)));
        }
        return result;
    }

    /** Tickets received in the period, and those answered directly ({@code CenterTally.answeredDirectly}). */
    SearchRequest centerTicketsRequest(Period period) {
        Query direct = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value("CLOSED")))
                .filter(f -> f.exists(e -> e.field("replied_at"))).mustNot(n -> n.exists(e -> e.field("lead_department")))));
        return SearchRequest.of(r -> r.index(alias).size(0).trackTotalHits(t -> t.enabled(true))
                .query(ElasticQueries.received(period.from(), period.to())).aggregations("direct", filter(direct)));
    }

    CenterTally centerTickets(SearchResponse<?> response) {
        var empty = CenterTally.EMPTY;
        return new CenterTally(response.hits().total().value(),
                response.aggregations().get("direct").filter().docCount(), empty.offered(), empty.answered(),
                empty.answeredWithin15s(), empty.abandoned(), empty.waitSeconds(), empty.talkSeconds());
    }

    Map<String, DepartmentTally> tallies(SearchResponse<?> response) {
        var tallies = new TreeMap<String, DepartmentTally>();
        for (var bucket : response.aggregations().get("departments").sterms().buckets().array()) {
            Map<String, Aggregate> a = bucket.aggregations();
            tallies.put(bucket.key().stringValue(), new DepartmentTally(bucket.docCount(),
                    count(a, "signDue"), sum(a, "f_signed_on_time"),
                    count(a, "responseDue"), sum(a, "f_responded"),
                    count(a, "completionDue"), sum(a, "f_completed_on_time"),
                    sum(a, "f_visited"), sum(a, "f_resolved"),
                    sum(a, "f_rated"), sum(a, "f_satisfied"), sum(a, "f_basically_satisfied"),
                    sum(a, "return_count"), sum(a, "extension_count"),
                    count(a, "overdue"),
                    sum(a, "f_replied"), sum(a, "f_handling_seconds"),
                    sum(a, "f_first_rated"), sum(a, "f_first_satisfied"), sum(a, "f_first_basically_satisfied")));
        }
        return tallies;
    }

    SearchRequest volumesRequest(Period period, VolumeInterval by, VolumeDimension dimension) {
        CalendarInterval interval = switch (by) {
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
        };
        String field = switch (dimension) {
            case TOTAL -> null;
            case CHANNEL -> "channel";
            case APPEAL_TYPE -> "appeal_type";
            case CATEGORY -> "category";
            case DISTRICT -> "district";
        };
        return SearchRequest.of(r -> r.index(alias).size(0).query(ElasticQueries.received(period.from(), period.to()))
                .aggregations("buckets", a -> {
                    var histogram = a.dateHistogram(d -> d.field("received_at").calendarInterval(interval)
                            .timeZone(zone.getId()).format("yyyy-MM-dd").minDocCount(1));
                    return field == null ? histogram
                            : histogram.aggregations("keys", k -> k.terms(t -> t.field(field).size(1000)));
                }));
    }

    List<VolumeBucket> volumes(SearchResponse<?> response, VolumeDimension dimension) {
        var result = new ArrayList<VolumeBucket>();
        for (var bucket : response.aggregations().get("buckets").dateHistogram().buckets().array()) {
            if (dimension == VolumeDimension.TOTAL) {
                result.add(new VolumeBucket(bucket.keyAsString(), "total", bucket.docCount()));
                continue;
            }
            var keys = new TreeMap<String, Long>();
            bucket.aggregations().get("keys").sterms().buckets().array()
                    .forEach(k -> keys.put(k.key().stringValue(), k.docCount()));
            keys.forEach((key, n) -> result.add(new VolumeBucket(bucket.keyAsString(), key, n)));
        }
        return result;
    }

    SearchRequest hotTopicsRequest(Period period, String district, int size) {
        Query received = ElasticQueries.received(period.from(), period.to());
        Query scope = district == null || district.isBlank() ? received
                : Query.of(q -> q.bool(b -> b.filter(received).filter(f -> f.term(t -> t.field("district").value(district)))));
        return SearchRequest.of(r -> r.index(alias).size(0).query(scope)
                .aggregations("topics", a -> a.significantText(s -> s.field("text_seg").size(size * 3).minDocCount(1L)
                        .filterDuplicateText(false))));
    }

    List<HotTopic> hotTopics(SearchResponse<?> response, int size) {
        return response.aggregations().get("topics").sigsterms().buckets().array().stream()
                .filter(b -> HotTopicScore.candidate(b.key()))
                .map(b -> new HotTopic(b.key(), b.docCount(), b.score()))
                .limit(size)
                .toList();
    }

    /** Mirrors {@link org.hotline.search.report.Cards#of}. */
    SearchRequest openSummaryRequest(Instant asOf) {
        String at = asOf.toString();
        Query notReplied = Query.of(q -> q.bool(b -> b.mustNot(n -> n.exists(e -> e.field("replied_at")))));
        Query yellow = Query.of(q -> q.bool(b -> b.filter(notReplied)
                .filter(f -> f.range(r -> r.untyped(u -> u.field("due_handle_yellow").lte(JsonData.of(at)))))
                .filter(f -> f.range(r -> r.untyped(u -> u.field("due_handle").gt(JsonData.of(at)))))));
        Query red = Query.of(q -> q.bool(b -> b.filter(notReplied)
                .filter(f -> f.range(r -> r.untyped(u -> u.field("due_handle").lte(JsonData.of(at)))))));
        return SearchRequest.of(r -> r.index(alias).size(0)
                .query(q -> q.bool(b -> b.mustNot(n -> n.exists(e -> e.field("closed_at")))))
                .aggregations("status", a -> a.terms(t -> t.field("status").size(100)))
                .aggregations("yellow", filter(yellow))
                .aggregations("red", filter(red)));
    }

    OpenSummary openSummary(SearchResponse<?> response) {
        var byStatus = new TreeMap<String, Long>();
        response.aggregations().get("status").sterms().buckets().array()
                .forEach(b -> byStatus.put(b.key().stringValue(), b.docCount()));
        return new OpenSummary(byStatus, response.aggregations().get("yellow").filter().docCount(),
                response.aggregations().get("red").filter().docCount());
    }

    private static Aggregation filter(Query query) {
        return Aggregation.of(a -> a.filter(query));
    }

    private static long count(Map<String, Aggregate> a, String name) {
        return a.get(name).filter().docCount();
    }

    private static long sum(Map<String, Aggregate> a, String name) {
        return Math.round(a.get(name).sum().value());
    }
}
