package org.hotline.search.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.DepartmentTally;
import org.hotline.search.port.TicketFacts;

/**
 * A ticket's {@link TicketFacts} as doc values, so the department report aggregates numbers instead
 * of parsing every ticket's JSON (7 s per monthly report at 1M tickets): the facts fixed by the
 * ticket's history are stored as they are, the deadlines and "has the clock stopped" as values the
 * report compares with its {@code asOf} exactly as {@link TicketFacts#of} does.
 */
final class LuceneFacts {

    static final String LEAD = "facts_lead_department";
    static final String BITS = "facts_bits";
    static final String RETURNS = "facts_returns";
    static final String EXTENSIONS = "facts_extensions";
    static final String HANDLING = "facts_handling_s";
    static final String DUE_SIGN = "facts_due_sign";
    static final String DUE_CONTACT = "facts_due_contact";
    static final String DUE_HANDLE = "facts_due_handle";

    private static final int SIGNED_ON_TIME = 1, RESPONDED = 1 << 1, COMPLETED_ON_TIME = 1 << 2, REPLIED_LATE = 1 << 3,
            VISITED = 1 << 4, RESOLVED = 1 << 5, RATED = 1 << 6, SATISFIED = 1 << 7, BASICALLY = 1 << 8,
            REPLIED = 1 << 9, SIGNED = 1 << 10, CONTACTED = 1 << 11,
            FIRST_RATED = 1 << 12, FIRST_SATISFIED = 1 << 13, FIRST_BASICALLY = 1 << 14;

    private LuceneFacts() {
    }

    static void add(Document d, TicketDocument t) {
        var f = TicketFacts.Fixed.of(t);
        var at = t.at();
        int bits = (f.signedOnTime() == 1 ? SIGNED_ON_TIME : 0) | (f.responded() == 1 ? RESPONDED : 0)
                | (f.completedOnTime() == 1 ? COMPLETED_ON_TIME : 0) | (f.repliedLate() == 1 ? REPLIED_LATE : 0)
                | (f.visited() == 1 ? VISITED : 0) | (f.resolved() == 1 ? RESOLVED : 0) | (f.rated() == 1 ? RATED : 0)
                | (f.satisfied() == 1 ? SATISFIED : 0) | (f.basicallySatisfied() == 1 ? BASICALLY : 0)
                | (at.replied() != null ? REPLIED : 0) | (at.signed() != null ? SIGNED : 0)
                | (at.firstContact() != null ? CONTACTED : 0)
                | (f.firstRated() == 1 ? FIRST_RATED : 0) | (f.firstSatisfied() == 1 ? FIRST_SATISFIED : 0)
                | (f.firstBasicallySatisfied() == 1 ? FIRST_BASICALLY : 0);
        if (t.leadDepartment() != null) {
            d.add(new SortedDocValuesField(LEAD, new BytesRef(t.leadDepartment())));
        }
        d.add(new NumericDocValuesField(BITS, bits));
        d.add(new NumericDocValuesField(RETURNS, t.returnCount()));
        d.add(new NumericDocValuesField(EXTENSIONS, t.extensionCount()));
        d.add(new NumericDocValuesField(HANDLING, f.handlingSeconds()));
        nanos(d, DUE_SIGN, t.due().sign());
        nanos(d, DUE_CONTACT, t.due().contact());
        nanos(d, DUE_HANDLE, t.due().handle());
    }

    /** Whether the segment was written with these fields (an index written before they existed is not). */
    static boolean present(LeafReader reader) {
        return reader.getFieldInfos().fieldInfo(BITS) != null;
    }

    /** Adds the facts of the segment's matching documents to the tallies of their lead departments. */
    static final class Segment {
        private final SortedDocValues lead;
        private final NumericDocValues bits, returns, extensions, handling, dueSign, dueContact, dueHandle;
        private final long asOf;
        private final long[][] sums;

        Segment(LeafReader reader, Instant asOf) throws IOException {
            lead = DocValues.getSorted(reader, LEAD);
            bits = DocValues.getNumeric(reader, BITS);
            returns = DocValues.getNumeric(reader, RETURNS);
            extensions = DocValues.getNumeric(reader, EXTENSIONS);
            handling = DocValues.getNumeric(reader, HANDLING);
            dueSign = DocValues.getNumeric(reader, DUE_SIGN);
            dueContact = DocValues.getNumeric(reader, DUE_CONTACT);
            dueHandle = DocValues.getNumeric(reader, DUE_HANDLE);
            this.asOf = epochNanos(asOf);
            sums = new long[lead.getValueCount()][];
        }

        void collect(int doc) throws IOException {
            if (!lead.advanceExact(doc) || !bits.advanceExact(doc)) {
                return;
            }
            int ord = lead.ordValue();
            long[] s = sums[ord] == null ? (sums[ord] = new long[20]) : sums[ord];
            int b = (int) bits.longValue();
            s[0]++;
            s[1] += due(dueSign, doc, (b & SIGNED) != 0);
            s[2] += bit(b, SIGNED_ON_TIME);
            s[3] += due(dueContact, doc, (b & CONTACTED) != 0);
            s[4] += bit(b, RESPONDED);
            int handleDue = due(dueHandle, doc, (b & REPLIED) != 0);
            s[5] += handleDue;
            s[6] += bit(b, COMPLETED_ON_TIME);
            s[7] += bit(b, VISITED);
            s[8] += bit(b, RESOLVED);
            s[9] += bit(b, RATED);
            s[10] += bit(b, SATISFIED);
            s[11] += bit(b, BASICALLY);
            s[12] += returns.advanceExact(doc) ? returns.longValue() : 0;
            s[13] += extensions.advanceExact(doc) ? extensions.longValue() : 0;
            // not replied and the deadline passed is exactly "handle clock due" without a reply
            s[14] += bit(b, REPLIED_LATE) | ((b & REPLIED) == 0 ? handleDue : 0);
            s[15] += bit(b, REPLIED);
            s[16] += handling.advanceExact(doc) ? handling.longValue() : 0;
            s[17] += bit(b, FIRST_RATED);
            s[18] += bit(b, FIRST_SATISFIED);
            s[19] += bit(b, FIRST_BASICALLY);
        }

        void mergeInto(Map<String, DepartmentTally> tallies) throws IOException {
            for (int ord = 0; ord < sums.length; ord++) {
                long[] s = sums[ord];
                if (s != null) {
                    var t = new DepartmentTally(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10],
                            s[11], s[12], s[13], s[14], s[15], s[16], s[17], s[18], s[19]);
                    tallies.merge(lead.lookupOrd(ord).utf8ToString(), t, LuceneFacts::sum);
                }
            }
        }

        /** {@link TicketFacts}: a clock counts once it has a deadline and either stopped or its deadline passed. */
        private int due(NumericDocValues deadline, int doc, boolean stopped) throws IOException {
            return deadline.advanceExact(doc) && (stopped || deadline.longValue() <= asOf) ? 1 : 0;
        }
    }

    static DepartmentTally sum(DepartmentTally a, DepartmentTally b) {
        return new DepartmentTally(a.tickets() + b.tickets(), a.signDue() + b.signDue(), a.signedOnTime() + b.signedOnTime(),
                a.responseDue() + b.responseDue(), a.responded() + b.responded(),
                a.completionDue() + b.completionDue(), a.completedOnTime() + b.completedOnTime(),
                a.visited() + b.visited(), a.resolved() + b.resolved(), a.rated() + b.rated(),
                a.satisfied() + b.satisfied(), a.basicallySatisfied() + b.basicallySatisfied(),
                a.returns() + b.returns(), a.extensions() + b.extensions(), a.overdue() + b.overdue(),
                a.replied() + b.replied(), a.handlingSeconds() + b.handlingSeconds(),
                a.firstRated() + b.firstRated(), a.firstSatisfied() + b.firstSatisfied(),
                a.firstBasicallySatisfied() + b.firstBasicallySatisfied());
    }

    private static int bit(int bits, int flag) {
        return (bits & flag) != 0 ? 1 : 0;
    }

    /** Nanoseconds since the epoch (fits a long until 2262), so the deadline comparison is as exact as Instant's. */
    private static long epochNanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static void nanos(Document d, String field, Instant value) {
        if (value != null) {
            d.add(new NumericDocValuesField(field, epochNanos(value)));
        }
    }
}
