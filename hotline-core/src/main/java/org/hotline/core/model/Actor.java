package org.hotline.core.model;

import java.util.Objects;

/**
 * Who does something: a user id, a role, the department a DEPARTMENT user belongs to (null for
 * everyone else) and a display name for the trail.
 */
public record Actor(String userId, Role role, String departmentId, String displayName) {

    public Actor {
        requireText(userId, "userId");
        Objects.requireNonNull(role, "role");
        requireText(displayName, "displayName");
        if (role == Role.DEPARTMENT) {
            requireText(departmentId, "departmentId");
        }
    }

    /** A component of the system itself (SLA scheduler, 110 linkage, importer). */
    public static Actor system(String component) {
        return new Actor("system:" + component, Role.SYSTEM, null, component);
    }

    public static Actor agent(String userId, String displayName) {
        return new Actor(userId, Role.AGENT, null, displayName);
    }

    public static Actor dispatcher(String userId, String displayName) {
        return new Actor(userId, Role.DISPATCHER, null, displayName);
    }

    public static Actor supervisor(String userId, String displayName) {
        return new Actor(userId, Role.SUPERVISOR, null, displayName);
    }

    public static Actor department(String userId, String departmentId, String displayName) {
        return new Actor(userId, Role.DEPARTMENT, departmentId, displayName);
    }

    public static Actor citizen(String userId) {
        return new Actor(userId, Role.CITIZEN, null, "市民");
    }

    public boolean isCenterStaff() {
        return role.isCenterStaff();
    }

    /** True when this actor is a department user of exactly that department. */
    public boolean belongsTo(String department) {
        return role == Role.DEPARTMENT && departmentId.equals(department);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
