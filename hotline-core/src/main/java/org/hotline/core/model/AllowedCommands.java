package org.hotline.core.model;

import java.util.EnumSet;
import java.util.Set;
import org.hotline.core.time.ClockName;

/**
 * The commands an actor may give a ticket now: {@link TicketRules#refusedBeforeInput} (role table,
 * status table, lead unit) and the ticket's own prerequisites that need no input, the same ones the
 * rules refuse with (no pending extension to approve, a visit that calls for 重办, a visit before
 * 办结). What the command says (a deadline not yet passed, a unit that exists) is still decided when
 * it is given, so an offered command may be refused with a reason; an unoffered one never succeeds.
 */
public final class AllowedCommands {

    private AllowedCommands() {
    }

    /**
     * {@code unitsBelowActor}: the units below a department user's own unit in the directory (empty
     * for everyone else), for handing a ticket down to one of them and taking it back.
     */
    public static Set<CommandKind> of(Ticket ticket, Actor actor, Set<String> unitsBelowActor) {
        Set<CommandKind> allowed = EnumSet.noneOf(CommandKind.class);
        for (CommandKind kind : CommandKind.values()) {
            if (TicketRules.refusedBeforeInput(ticket, kind, actor) == null && ready(ticket, kind, actor, unitsBelowActor)) {
                allowed.add(kind);
            }
        }
        return allowed;
    }

    private static boolean ready(Ticket t, CommandKind kind, Actor actor, Set<String> unitsBelowActor) {
        return switch (kind) {
            case APPROVE_EXTENSION, REJECT_EXTENSION -> t.pendingExtension() != null;
            case REQUEST_EXTENSION -> t.pendingExtension() == null && t.clocks().containsKey(ClockName.HANDLE);
            case REQUEST_RETURN -> t.clocks().containsKey(ClockName.RETURN_WINDOW);
            case ASSIGN -> t.category() != null;
            case SUB_ASSIGN -> !unitsBelowActor.isEmpty();
            case WITHDRAW_SUB_ASSIGNMENT -> unitsBelowActor.contains(t.leadDepartment());
            case REHANDLE -> t.visit() != null && t.visit().callsForRehandling();
            case SIGN_ASSISTANCE -> t.assistanceOf(actor.departmentId()).map(a -> a.open() && !a.signed()).orElse(true);
            case SUBMIT_OPINION -> t.assistanceOf(actor.departmentId()).map(a -> a.open() && a.signed()).orElse(false);
            // a merged ticket closes with its master (the system follows the master's close), not by hand
            case CLOSE -> (t.status() != TicketStatus.MERGED || actor.role() == Role.SYSTEM)
                    && !(t.status() == TicketStatus.REVIEWED && t.caller().reachable());
            case UNMERGE -> t.visit() == null;
            case RECORD_RETURN_VISIT -> (t.status() != TicketStatus.MERGED || (t.reply() != null && t.visit() == null))
                    && (t.status() != TicketStatus.REVISITED || ClosingRules.mayRevisit(actor));
            case ANSWER_DIRECTLY, CLASSIFY, REASSIGN, SIGN, RECORD_CONTACT, APPROVE_RETURN, REJECT_RETURN, SUSPEND,
                 RESUME, URGE, SUBMIT_REPLY, ACCEPT_REPLY, SEND_BACK_REPLY, NOT_ACCEPT, MERGE_INTO, ABSORB_DUPLICATE,
                 MIRROR_MASTER_REPLY, RECORD_SLA_WARNING, LINK_CALL, ADD_TAG, RELEASE_DUPLICATE, RECORD_POLICE_LINKAGE,
                 RECORD_MESSAGE -> true;
        };
    }
}
