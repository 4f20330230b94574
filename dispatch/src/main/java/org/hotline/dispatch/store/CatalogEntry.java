package org.hotline.dispatch.store;

import java.util.List;
import java.util.Objects;

/**
 * A category as dispatch sees it: any code (imported catalogs use their own codes, possibly the
 * name itself), a display name, the usual lead department and keywords for the cold start.
 */
public record CatalogEntry(String code, String name, String department, List<String> keywords) {

    public CatalogEntry {
        Objects.requireNonNull(code, "code");
        if (code.isBlank() || code.length() > 64) {
            throw new IllegalArgumentException("category code must have 1..64 characters");
        }
        name = name == null || name.isBlank() ? code : name;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** A category created by a history import: the code is its own name. */
    public static CatalogEntry named(String code, String department) {
        return new CatalogEntry(code, code, department, List.of());
    }
}
