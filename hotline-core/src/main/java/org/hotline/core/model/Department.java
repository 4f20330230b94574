package org.hotline.core.model;

import java.util.regex.Pattern;

/**
 * A handling unit (承办单位). {@code parentId} points to the unit it belongs to (a street office to
 * its district); {@code functional} marks line departments (职能部门) and utilities as opposed to
 * territorial governments (属地). {@code contact} is the unit's duty phone or liaison as the
 * administrator wrote it (a unit's, not a citizen's). An inactive unit is never deleted, because
 * tickets name it; it only receives no new work.
 */
public record Department(String id, String name, String parentId, DepartmentLevel level, boolean functional,
                         String contact, boolean active) {

    /** Compiled once: ids are checked on every snapshot read, a hot path at intake rates. */
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    public static final int MAX_NAME = 64;
    public static final int MAX_CONTACT = 100;

    public Department {
        if (id == null || !SHAPE.matcher(id).matches()) {
            throw new IllegalArgumentException("单位编码须为小写字母、数字、点或连字符（最长64位）：" + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("单位名称不能为空");
        }
        if (level == null) {
            throw new IllegalArgumentException("单位层级必填");
        }
        if (name.length() > MAX_NAME || (contact != null && contact.length() > MAX_CONTACT)) {
            throw new IllegalArgumentException("单位名称不超过" + MAX_NAME + "字，联系方式不超过" + MAX_CONTACT + "字");
        }
        contact = contact == null || contact.isBlank() ? null : contact;
    }

    /** An active unit without a recorded contact (the seed files' shape). */
    public Department(String id, String name, String parentId, DepartmentLevel level, boolean functional) {
        this(id, name, parentId, level, functional, null, true);
    }

    public static boolean isValidId(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    public Department deactivated() {
        return new Department(id, name, parentId, level, functional, contact, false);
    }

    public Department reactivated() {
        return new Department(id, name, parentId, level, functional, contact, true);
    }
}
