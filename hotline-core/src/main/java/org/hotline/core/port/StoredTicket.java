package org.hotline.core.port;

import java.util.Objects;

/**
 * A ticket as the store keeps it: identity, version and the versioned wire snapshot (schema
 * {@code ticket.v1}). The store never interprets the snapshot; the domain maps it.
 */
public record StoredTicket(String id, String number, long version, String snapshotJson) {

    public StoredTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(snapshotJson, "snapshotJson");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
