package org.hotline.server;

import java.util.List;
import org.hotline.core.auth.UserAccount;
import org.hotline.core.model.Role;

/**
 * Accounts created only in the embedded default, one per role, so a person trying the backend on a
 * laptop can log in as each of them. Listed in the README; never created with an external Redis.
 */
final class DemoAccounts {

    static final String PASSWORD_SUFFIX = "12345";

    private DemoAccounts() {
    }

    static List<UserAccount.New> all() {
        return List.of(
                new UserAccount.New("agent", "agent" + PASSWORD_SUFFIX, Role.AGENT, null, "坐席 王敏"),
                new UserAccount.New("dispatcher", "dispatcher" + PASSWORD_SUFFIX, Role.DISPATCHER, null, "派单员 李强"),
                new UserAccount.New("supervisor", "supervisor" + PASSWORD_SUFFIX, Role.SUPERVISOR, null, "班长 张丽"),
                new UserAccount.New("urban", "urban" + PASSWORD_SUFFIX, Role.DEPARTMENT, "urban", "市城市管理局 承办人"),
                new UserAccount.New("water", "water" + PASSWORD_SUFFIX, Role.DEPARTMENT, "util.water", "中原水务集团 承办人"),
                new UserAccount.New("dongcheng", "dongcheng" + PASSWORD_SUFFIX, Role.DEPARTMENT, "d.dongcheng", "东城区人民政府 承办人"));
    }
}
