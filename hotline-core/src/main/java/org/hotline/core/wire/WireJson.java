package org.hotline.core.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The mapper for the core wire formats: ISO-8601 instants, unknown fields ignored (forward compatible). */
public final class WireJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WireJson() {
    }

    /** Shared and thread-safe; do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
