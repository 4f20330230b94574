package org.hotline.core.model;

/**
 * A handling unit (承办单位). {@code parentId} points to the unit it belongs to (a street office to
 * its district); {@code functional} marks line departments (职能部门) and utilities as opposed to
 * territorial governments (属地).
 */
public record Department(String id, String name, String parentId, DepartmentLevel level, boolean functional) {

    public Department {
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]{0,63}")) {
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
