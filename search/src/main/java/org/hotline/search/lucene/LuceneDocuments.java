package org.hotline.search.lucene;

import java.time.Instant;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.TicketDocument;

/**
 * How a ticket becomes a Lucene document. Field names match the Elasticsearch mapping so the two
 * backends read alike: keyword filters, epoch-milli points for ranges, standard-analyzed text for
 * phrases and highlighting, and {@code text_seg} (segmenter words, whitespace-analyzed) for relevance.
 */
final class LuceneDocuments {

    static final String ID = "id";
    static final String VERSION = "version";
    static final String SOURCE = "_source";
    static final String RECEIVED = "received_at";
    static final String HANDLE_DUE = "due_handle";
    static final String REPLIED = "replied";
    static final String OPEN = "open";
    static final String REPLIED_LATE = "replied_late";
    static final String DEPARTMENTS = "departments";
    static final String SEGMENTED = "text_seg";
    static final String[] PHRASE_FIELDS = {"title", "content", "reply"};

    private LuceneDocuments() {
    }

    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
                java.util.Map.of(SEGMENTED, new WhitespaceAnalyzer()));
    }

    static Document toLucene(TicketDocument t, DocumentJson json) {
        var d = new Document();
        d.add(new StringField(ID, t.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(t.id())));
        d.add(new NumericDocValuesField(VERSION, t.version()));
        d.add(new StoredField(SOURCE, json.write(t)));
        keyword(d, "number", t.number());
        keyword(d, "status", t.status());
        keyword(d, "channel", t.channel());
        keyword(d, "appeal_type", t.appealType());
        keyword(d, "urgency", t.urgency());
        keyword(d, "district", t.district());
        keyword(d, "street", t.street());
        keyword(d, "category", t.categoryCode());
        keyword(d, "lead_department", t.leadDepartment());
        keyword(d, "caller_phone", t.caller().phone());
        keyword(d, "satisfaction", t.satisfaction());
        t.departments().forEach(dept -> keyword(d, DEPARTMENTS, dept));
        t.tags().forEach(tag -> keyword(d, "tags", tag));
        t.assistance().forEach(part -> keyword(d, ASSIST_UNITS, part.department()));
        keyword(d, REPLIED, t.at().replied() == null ? "no" : "yes");
        keyword(d, OPEN, t.open() ? "yes" : "no");
        boolean late = t.at().replied() != null && t.due().handle() != null && t.at().replied().isAfter(t.due().handle());
        keyword(d, REPLIED_LATE, late ? "yes" : "no");
        millis(d, RECEIVED, t.at().received());
        millis(d, HANDLE_DUE, t.due().handle());
        text(d, "title", t.title());
        text(d, "content", t.content());
        text(d, "reply", t.replyText());
        d.add(new TextField(SEGMENTED, t.segmented(), Field.Store.YES));
        LuceneFacts.add(d, t);
        return d;
    }

    /** The assisting units (协办) of a ticket, so the report visits only the tickets that have some. */
    static final String ASSIST_UNITS = "assist_units";

    private static void keyword(Document d, String field, String value) {
        if (value != null) {
            d.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void text(Document d, String field, String value) {
        if (value != null) {
            d.add(new TextField(field, value, Field.Store.YES));
        }
    }

    private static void millis(Document d, String field, Instant value) {
        if (value != null) {
            d.add(new LongPoint(field, value.toEpochMilli()));
            d.add(new NumericDocValuesField(field, value.toEpochMilli()));
        }
    }
}
