package org.hotline.search.port;

import java.util.Locale;
import org.hotline.core.error.HotlineException;

/** Result orders; every order ends with the ticket id so search-after pages never skip or repeat. */
public enum TicketSort {
    RELEVANCE, NEWEST, OLDEST, DEADLINE;

    public static TicketSort parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "relevance" -> RELEVANCE;
            case "newest", "-receivedat" -> NEWEST;
            case "oldest", "receivedat" -> OLDEST;
            case "deadline" -> DEADLINE;
            default -> throw HotlineException.invalid("search.sort", "sort 只能是 relevance、newest、oldest 或 deadline");
        };
    }
}
