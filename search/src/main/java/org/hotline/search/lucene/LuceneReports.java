package org.hotline.search.lucene;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.index.LeafReaderContext;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.CenterTally;
import org.hotline.search.port.TicketSearch.HotTopic;
import org.hotline.search.port.TicketSearch.MisrouteBucket;
import org.hotline.search.port.TicketSearch.OpenSummary;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.TicketSearch.VolumeBucket;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;
import org.hotline.search.report.Buckets;
import org.hotline.search.report.Cards;
import org.hotline.search.report.AssistanceFacts;
import org.hotline.search.port.AssistanceTally;
import org.hotline.search.port.DepartmentTally;
import org.hotline.search.report.HotTopicScore;
import org.hotline.search.port.MisrouteTally;
import org.hotline.search.port.TicketFacts;

/**
 * Reports over the embedded index by walking the matching documents: fine at laptop sizes, and the
 * numbers come from the same {@link TicketFacts} definition the Elasticsearch aggregations mirror.
 */
final class LuceneReports {

    private final DocumentJson json;
    private final ZoneId zone;

    LuceneReports(DocumentJson json, ZoneId zone) {
        this.json = json;
        this.zone = zone;
    }

    /** The ticket half of the center tally; the calls are in the activity index. */
    CenterTally centerTickets(IndexSearcher s, Period period) throws IOException {
        var tally = new CenterTally[] {CenterTally.EMPTY};
        each(s, received(period), t -> tally[0] = tally[0].plusTicket(t));
        return tally[0];
    }

    /**
     * Aggregated from the facts' doc values; a segment written before they existed is read from its
     * stored JSON (same numbers, slower) until it is reindexed.
     */
    Map<String, DepartmentTally> tallies(IndexSearcher s, Period period, Instant asOf) throws IOException {
        var tallies = new TreeMap<String, DepartmentTally>();
        var old = new ArrayList<Integer>();
        s.search(received(period), new SimpleCollector() {
            private LuceneFacts.Segment segment;
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                base = context.docBase;
                segment = LuceneFacts.present(context.reader()) ? new LuceneFacts.Segment(context.reader(), asOf) : null;
            }

            @Override
            public void collect(int doc) throws IOException {
                if (segment != null) {
                    segment.collect(doc);
                } else {
                    old.add(base + doc);
                }
            }

            @Override
            public void finish() throws IOException {
                flush();
            }

            private void flush() throws IOException {
                if (segment != null) {
                    segment.mergeInto(tallies);
                    segment = null;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        visit(s, old, t -> {
            if (t.leadDepartment() != null) {
                tallies.merge(t.leadDepartment(), DepartmentTally.EMPTY.plus(TicketFacts.of(t, asOf)), LuceneFacts::sum);
            }
        });
        return tallies;
    }

    /** 协办: the parts of the tickets received in the period that have assisting units, from their stored documents. */
    Map<String, AssistanceTally> assistance(IndexSearcher s, Period period) throws IOException {
        var tallies = new TreeMap<String, AssistanceTally>();
        Query assisted = new BooleanQuery.Builder().add(received(period), Occur.FILTER)
                .add(new WildcardQuery(new Term(LuceneDocuments.ASSIST_UNITS, "*")), Occur.FILTER).build();
        each(s, assisted, t -> AssistanceFacts.of(t).forEach(f ->
                tallies.merge(f.department(), f.addTo(AssistanceTally.EMPTY), AssistanceTally::sum)));
        return tallies;
    }

    List<VolumeBucket> volumes(IndexSearcher s, Period period, VolumeInterval by, VolumeDimension dimension) throws IOException {
        var counts = new TreeMap<String, Map<String, Long>>();
        each(s, received(period), t -> {
            String bucket = Buckets.start(t.at().received(), by, zone);
            String key = Buckets.key(t, dimension);
            if (key != null) {
                counts.computeIfAbsent(bucket, b -> new TreeMap<>()).merge(key, 1L, Long::sum);
            }
        });
        var result = new ArrayList<VolumeBucket>();
        counts.forEach((bucket, keys) -> keys.forEach((key, n) -> result.add(new VolumeBucket(bucket, key, n))));
        return result;
    }

    /**
     * Walks the tickets received before the period ends (a ticket is assigned after it is received) and
     * keeps those first assigned in the period.
     */
    List<MisrouteBucket> misroutes(IndexSearcher s, Period period) throws IOException {
        var tallies = new TreeMap<String, Map<String, MisrouteTally>>();
        Query receivedBefore = LongPoint.newRangeQuery(LuceneDocuments.RECEIVED, Long.MIN_VALUE, period.to().toEpochMilli() - 1);
        each(s, receivedBefore, t -> {
            var r = t.routing();
            if (r != null && t.categoryCode() != null && !r.firstAssignedAt().isBefore(period.from())
                    && r.firstAssignedAt().isBefore(period.to())) {
                String month = YearMonth.from(r.firstAssignedAt().atZone(zone)).toString();
                tallies.computeIfAbsent(month, m -> new TreeMap<>()).merge(t.categoryCode(),
                        MisrouteTally.EMPTY.plus(r), MisrouteTally::plus);
            }
        });
        var result = new ArrayList<MisrouteBucket>();
        tallies.forEach((month, categories) -> categories.forEach((category, tally) ->
                result.add(new MisrouteBucket(month, category, tally))));
        return result;
    }

    List<HotTopic> hotTopics(IndexSearcher s, Period period, String district, int size) throws IOException {
        var b = new BooleanQuery.Builder().add(received(period), Occur.FILTER);
        if (district != null && !district.isBlank()) {
            b.add(new TermQuery(new Term("district", district)), Occur.FILTER);
        }
        var foreground = new HashMap<String, Long>();
        long[] subset = {0};
        each(s, b.build(), t -> {
            subset[0]++;
            java.util.Arrays.stream(t.segmented().split(" ")).distinct()
                    .filter(HotTopicScore::candidate)
                    .forEach(w -> foreground.merge(w, 1L, Long::sum));
        });
        long all = s.getIndexReader().numDocs();
        var topics = new ArrayList<HotTopic>();
        for (var e : foreground.entrySet()) {
            long background = s.getIndexReader().docFreq(new Term(LuceneDocuments.SEGMENTED, e.getKey()));
            double score = HotTopicScore.jlh(e.getValue(), subset[0], background, all);
            if (score > 0) {
                topics.add(new HotTopic(e.getKey(), e.getValue(), score));
            }
        }
        topics.sort(Comparator.comparingDouble(HotTopic::score).reversed().thenComparing(HotTopic::word));
        return topics.subList(0, Math.min(size, topics.size()));
    }

    OpenSummary openSummary(IndexSearcher s, Instant asOf) throws IOException {
        var byStatus = new TreeMap<String, Long>();
        long[] cards = {0, 0};
        each(s, new TermQuery(new Term(LuceneDocuments.OPEN, "yes")), t -> {
            byStatus.merge(String.valueOf(t.status()), 1L, Long::sum);
            switch (Cards.of(t, asOf)) {
                case YELLOW -> cards[0]++;
                case RED -> cards[1]++;
                case NONE -> { }
            }
        });
        return new OpenSummary(byStatus, cards[0], cards[1]);
    }

    private static Query received(Period period) {
        return LongPoint.newRangeQuery(LuceneDocuments.RECEIVED, period.from().toEpochMilli(), period.to().toEpochMilli() - 1);
    }

    private void each(IndexSearcher s, Query query, Consumer<TicketDocument> visit) throws IOException {
        var docs = new ArrayList<Integer>();
        s.search(query, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.add(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        visit(s, docs, visit);
    }

    private void visit(IndexSearcher s, List<Integer> docs, Consumer<TicketDocument> visit) throws IOException {
        var stored = s.storedFields();
        for (int doc : docs) {
            visit.accept(json.read(stored.document(doc).get(LuceneDocuments.SOURCE)));
        }
    }
}
