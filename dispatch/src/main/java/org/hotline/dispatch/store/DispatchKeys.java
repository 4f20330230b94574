package org.hotline.dispatch.store;

/**
 * Redis keys owned by the dispatch module (the shared ones live in core's {@code RedisKeys}).
 * Documented in docs/classification.md.
 */
public final class DispatchKeys {

    /** Hash: category code → JSON {@code {"name","department","keywords":[..]}}. */
    public static final String CATEGORIES = "hotline:dispatch:categories";
    /** Stream of labelled examples the classifier trains on: fields text, category, department, source. */
    public static final String TRAINING = "hotline:dispatch:training";
    /** Set of fingerprints of imported history lines, so a re-import does not count twice. */
    public static final String IMPORTED = "hotline:dispatch:imported";
    /**
     * Stream of imported closed tickets for the search indexer, same fields as the ticket event
     * stream ({@code ticketId, number, version, type, at, event, ticket}) with a {@code ticket.v1} snapshot.
     */
    public static final String HISTORY_IMPORT_STREAM = "hotline:stream:history-import";

    private DispatchKeys() {
    }
}
