package org.hotline.search.doc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hotline.core.error.HotlineException;

/**
 * The stored form of a {@link TicketDocument} inside either backend (Lucene stored field,
 * Elasticsearch {@code doc} object), so both read hits back through one codec. Dates as ISO strings.
 */
public final class DocumentJson {

    private final ObjectMapper mapper;

    public DocumentJson() {
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A copy for libraries that configure the mapper they are given (JacksonJsonpMapper does). */
    public ObjectMapper mapperCopy() {
        return mapper.copy();
    }

    public String write(TicketDocument document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }

    public TicketDocument read(String json) {
        try {
            return mapper.readValue(json, TicketDocument.class);
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }

    public <T> T convert(Object value, Class<T> type) {
        return mapper.convertValue(value, type);
    }
}
