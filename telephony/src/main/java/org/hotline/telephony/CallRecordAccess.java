package org.hotline.telephony;

import java.util.Map;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Role;

/**
 * Who reads which call records and recordings (personal data: the citizen's number and voice).
 * Supervisors and administrators read every call; an agent reads the calls they answered or placed;
 * dispatchers and department staff read none (they work on the ticket, which names its calls).
 */
final class CallRecordAccess {

    private CallRecordAccess() {
    }

    /** Whether {@code actor} may list call records at all. */
    static boolean mayList(Actor actor) {
        return readsAll(actor) || actor.role() == Role.AGENT;
    }

    /** Whether {@code actor} may read this record (stream fields) and its recording. */
    static boolean mayRead(Actor actor, Map<String, String> record) {
        return readsAll(actor) || actor.role() == Role.AGENT && actor.userId().equals(record.get("agentId"));
    }

    private static boolean readsAll(Actor actor) {
        return actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMIN || actor.role() == Role.SYSTEM;
    }
}
