package org.hotline.core.stream.group;

import java.util.Map;

/** One stream entry as Redis holds it: the stream, the entry id and its fields (all strings). */
public record StreamEntry(String stream, String id, Map<String, String> fields) {

    /** The epoch millisecond Redis gave the entry (the first part of its id). */
    public long appendedAtMillis() {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }
}
