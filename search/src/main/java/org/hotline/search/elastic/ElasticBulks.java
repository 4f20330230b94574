package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.error.HotlineException;
import org.hotline.search.doc.ActivityRecord;
import org.hotline.search.doc.DocumentJson;
import org.hotline.search.doc.TicketDocument;

/**
 * Bulk requests sized by bytes rather than by a count of documents: each source is serialized once
 * (and sent as is), and a request is closed before it grows past {@link #MAX_BYTES}. A few MB per
 * request is where Elasticsearch's bulk throughput levels off; larger ones only hold more heap in
 * flight (the node's indexing-pressure limit is 10 % of its heap, 51 MB at 512 MB).
 */
final class ElasticBulks {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final ElasticDocuments documents;
    private final ObjectMapper mapper;
    private final int maxBytes;

    ElasticBulks(ElasticDocuments documents, DocumentJson json, int maxBytes) {
        this.documents = documents;
        this.mapper = json.mapperCopy();
        this.maxBytes = maxBytes;
    }

    /** Tickets with external versioning (the ticket version), in as many requests as their size needs. */
    List<BulkRequest> tickets(List<TicketDocument> tickets) {
        var requests = new ArrayList<BulkRequest>();
        var bulk = new BulkRequest.Builder();
        int bytes = 0;
        int operations = 0;
        for (TicketDocument t : tickets) {
            BinaryData source = json(documents.source(t));
            if (operations > 0 && bytes + source.size() > maxBytes) {
                requests.add(bulk.build());
                bulk = new BulkRequest.Builder();
                bytes = 0;
                operations = 0;
            }
            bulk.operations(op -> op.index(i -> i.index(documents.ticketIndex(t)).id(t.id())
                    .version(t.version()).versionType(VersionType.External).document(source)));
            bytes += (int) source.size();
            operations++;
        }
        requests.add(bulk.build());
        return requests;
    }

    /** Events and call records, idempotent by id; the stream indexer's batches are small enough for one request. */
    BulkRequest records(List<ActivityRecord> records) {
        var bulk = new BulkRequest.Builder();
        for (ActivityRecord r : records) {
            bulk.operations(op -> op.index(i -> i.index(documents.recordIndex(r)).id(r.id()).document(documents.source(r))));
        }
        return bulk.build();
    }

    private BinaryData json(Object source) {
        try {
            return BinaryData.of(mapper.writeValueAsBytes(source), ContentType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }
}
