package org.hotline.core.model;

import java.util.regex.Pattern;

/**
 * A handling unit (承办单位). {@code parentId} points to the unit it belongs to (a street office to
 * its district); {@code functional} marks line departments (职能部门) and utilities as opposed to
 * territorial governments (属地).
 */
public record Department(String id, String name, String parentId, DepartmentLevel level, boolean functional) {

    /** Compiled once: ids are checked on every snapshot read, a hot path at intake rates. */
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    public Department {
        if (id == null || !SHAPE.matcher(id).matches()) {
            throw new IllegalArgumentException("department id must be lowercase [a-z0-9.-]: " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("department name must not be blank");
        }
        if (level == null) {
            throw new IllegalArgumentException("department level is required");
        }
    }
}
