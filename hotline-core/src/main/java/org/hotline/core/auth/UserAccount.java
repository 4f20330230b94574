package org.hotline.core.auth;

import java.util.Objects;
import java.util.regex.Pattern;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;

/**
 * A staff account as stored: the password only as a PBKDF2 hash; a disabled account cannot sign in.
 */
public record UserAccount(String username, String passwordHash, Role role, String departmentId, String displayName,
                          boolean disabled) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    public UserAccount {
        requireUsername(username);
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    public UserAccount withDisabled(boolean newDisabled) {
        return new UserAccount(username, passwordHash, role, departmentId, displayName, newDisabled);
    }

    public UserAccount withPasswordHash(String newHash) {
        return new UserAccount(username, newHash, role, departmentId, displayName, disabled);
    }

    /**
     * The account with an administrator's edit of its name, role and unit applied (null: kept), checked by
     * the rules a new account follows: a staff role, a unit for a department user and only for one.
     */
    public UserAccount edited(String newDisplayName, Role newRole, String newDepartmentId) {
        Role role2 = newRole == null ? role : newRole;
        String department = newDepartmentId == null ? departmentId : newDepartmentId.isBlank() ? null : newDepartmentId;
        String name = newDisplayName == null ? displayName : newDisplayName;
        // the placeholder only passes New's password rule: the stored hash is kept as it is
        New checked = new New(username, "unchanged-password", role2, department, name);
        return new UserAccount(username, passwordHash, checked.role(), checked.departmentId(), checked.displayName(), disabled);
    }

    public Actor actor() {
        return new Actor(username, role, departmentId, displayName);
    }

    static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw HotlineException.invalid("user.invalid-username", "用户名须为 3 到 64 位字母、数字或 . _ -");
        }
    }

    /** A password as accepted for a new account or a change: 8 to 128 characters. */
    static void requirePassword(String password) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw HotlineException.invalid("user.weak-password", "密码长度须为 8 到 128 位");
        }
    }

    /** An account to create, with its password in clear (hashed before it is stored). */
    public record New(String username, String password, Role role, String departmentId, String displayName) {

        public New {
            requireUsername(username);
            requirePassword(password);
            if (role == null || role == Role.SYSTEM || role == Role.CITIZEN) {
                throw HotlineException.invalid("user.invalid-role", "角色须为 AGENT、DISPATCHER、DEPARTMENT、SUPERVISOR 或 ADMIN");
            }
            if (role == Role.DEPARTMENT && (departmentId == null || departmentId.isBlank())) {
                throw HotlineException.invalid("user.department-required", "承办单位用户须指定所属单位");
            }
            if (role != Role.DEPARTMENT) {
                departmentId = null;
            }
            if (displayName != null && displayName.length() > 64) {
                throw HotlineException.invalid("user.invalid-name", "显示名称不能超过 64 个字符");
            }
        }

        @Override
        public String toString() {
            return "UserAccount.New[username=" + username + ", role=" + role + ", departmentId=" + departmentId + "]";
        }
    }
}
