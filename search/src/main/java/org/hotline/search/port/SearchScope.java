package org.hotline.search.port;

import java.util.Set;

/**
 * Which tickets a searcher may see: everything (hotline-center staff) or the tickets whose lead or
 * assisting department is one of {@code departments} (a department and its sub-units).
 */
public record SearchScope(Set<String> departments) {

    private static final SearchScope ALL = new SearchScope(null);

    public SearchScope {
        departments = departments == null ? null : Set.copyOf(departments);
    }

    public static SearchScope all() {
        return ALL;
    }

    public static SearchScope departments(Set<String> departments) {
        return new SearchScope(departments);
    }

    public boolean unrestricted() {
        return departments == null;
    }
}
