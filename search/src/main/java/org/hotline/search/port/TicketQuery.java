package org.hotline.search.port;

import java.time.Instant;
import org.hotline.core.error.HotlineException;

/**
 * A ticket search: free text, exact filters (null = not filtered), received-time range [from, to),
 * overdue as of {@code asOf}, satisfaction rating, sort and deep paging by an opaque search-after token.
 */
public record TicketQuery(
        String text,
        String status,
        String department,
        String category,
        String district,
        String street,
        String channel,
        String appealType,
        String urgency,
        String callerPhone,
        Instant from,
        Instant to,
        Boolean overdue,
        String rating,
        Instant asOf,
        TicketSort sort,
        int size,
        String searchAfter) {

    public static final int MAX_SIZE = 100;

    public TicketQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw HotlineException.invalid("search.size", "size 须在 1 到 " + MAX_SIZE + " 之间");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw HotlineException.invalid("search.range", "from 须早于 to");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        sort = sort != null ? sort : text != null ? TicketSort.RELEVANCE : TicketSort.NEWEST;
        if (sort == TicketSort.RELEVANCE && text == null) {
            sort = TicketSort.NEWEST;
        }
        asOf = asOf != null ? asOf : Instant.now();
    }

    /**
     * The exact-value filters that are set, by index field name (the same names in both backends);
     * {@code departments} holds the lead and the assisting units.
     */
    public java.util.Map<String, String> termFilters() {
        var filters = new java.util.LinkedHashMap<String, String>();
        String[][] pairs = {{"status", status}, {"departments", department}, {"category", category},
            {"district", district}, {"street", street}, {"channel", channel}, {"appeal_type", appealType},
            {"urgency", urgency}, {"caller_phone", callerPhone}, {"satisfaction", rating}};
        for (String[] pair : pairs) {
            if (pair[1] != null && !pair[1].isBlank()) {
                filters.put(pair[0], pair[1]);
            }
        }
        return filters;
    }

    /** A query with only the given text and a page size; filters are added with the withers below. */
    public static TicketQuery text(String text, int size) {
        return new TicketQuery(text, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, size, null);
    }

    public TicketQuery withCallerPhone(String phone) {
        return new TicketQuery(text, status, department, category, district, street, channel, appealType,
                urgency, phone, from, to, overdue, rating, asOf, sort, size, searchAfter);
    }

    public TicketQuery withSearchAfter(String token) {
        return new TicketQuery(text, status, department, category, district, street, channel, appealType,
                urgency, callerPhone, from, to, overdue, rating, asOf, sort, size, token);
    }
}
