package org.hotline.core.model;

import org.hotline.core.time.ClockName;

/** After the reply: review, return visit, re-handle, close, and mirroring a master's reply. */
final class ClosingRules {

    private ClosingRules() {
    }

    static Decision decide(Step step, Command command) {
        if (command instanceof Command.AcceptReply c) {
            return step.accept(step.next().status(TicketStatus.REVIEWED),
                    new TicketEvent.ReplyAccepted(step.actor(), step.now(), c.reason()));
        } else if (command instanceof Command.SendBackReply c) {
            return sendBack(step, c);
        } else if (command instanceof Command.RecordReturnVisit c) {
            return returnVisit(step, c);
        } else if (command instanceof Command.Rehandle c) {
            return rehandle(step, c);
        } else if (command instanceof Command.Close c) {
            return close(step, c);
        } else if (command instanceof Command.MirrorMasterReply c) {
            return mirror(step, c);
        }
        throw new IllegalArgumentException("not a closing command: " + command.kind());
    }

    /** A non-compliant reply goes back; the handling clock continues where it stopped. */
    private static Decision sendBack(Step step, Command.SendBackReply c) {
        Ticket t = step.ticket();
        TicketBuilder next = step.next().status(TicketStatus.IN_PROGRESS).reply(null).repliedAt(null)
                .clocks(Step.mapClock(t.clocks(), ClockName.HANDLE, track -> track.restartAfterStop(step.now())));
        return step.accept(next, new TicketEvent.ReplySentBack(step.actor(), step.now(), c.reason()));
    }

    /** On a merged ticket the visit is recorded for its own citizen once the master's reply arrived. */
    private static Decision returnVisit(Step step, Command.RecordReturnVisit c) {
        Ticket t = step.ticket();
        boolean merged = t.status() == TicketStatus.MERGED;
        if (merged && (t.reply() == null || t.visit() != null)) {
            return Step.refuse("ticket.visit-not-due", "主单尚未答复或本单已回访");
        }
        if (t.status() == TicketStatus.REVISITED && !mayRevisit(step.actor())) {
            return Step.refuse("ticket.revisit-by-agent", "本单已回访，只能由话务员或班长复核回访");
        }
        ReturnVisit visit = new ReturnVisit(c.resolution(), c.satisfaction(), c.note(), step.now());
        java.util.List<ReturnVisit> visits = new java.util.ArrayList<>(t.visits());
        visits.add(visit);
        TicketBuilder next = step.next().visit(visit).visits(visits).status(merged ? TicketStatus.MERGED : TicketStatus.REVISITED);
        return step.accept(next, new TicketEvent.ReturnVisitRecorded(step.actor(), step.now(), c.note(),
                c.resolution(), c.satisfaction()));
    }

    /**
     * A visited ticket is visited again only by a person (复核回访 of a survey campaign): a robot or
     * the citizen's own rating never overwrites a visit already on record.
     */
    static boolean mayRevisit(Actor actor) {
        return actor.role() == Role.AGENT || actor.role() == Role.SUPERVISOR;
    }

    /** 重办: the same lead unit handles it again with fresh clocks counted from now; its visits stay on record. */
    private static Decision rehandle(Step step, Command.Rehandle c) {
        Ticket t = step.ticket();
        if (!t.visit().callsForRehandling()) {
            return Step.refuse("ticket.rehandle-not-needed", "回访结果为已解决且满意，无需重办");
        }
        int reopened = t.reopenCount() + 1;
        TicketBuilder next = step.next().status(TicketStatus.ASSIGNED).reopenCount(reopened).reply(null).visit(null)
                .repliedAt(null).signedAt(null).firstContactAt(null).clocks(step.freshClocks(t));
        return step.accept(next, new TicketEvent.TicketReopened(step.actor(), step.now(), c.reason(), reopened));
    }

    /**
     * Without a return visit only when the caller cannot be reached (anonymous, no phone). A merged
     * ticket closes only with its master (the system follows the master's close).
     */
    private static Decision close(Step step, Command.Close c) {
        Ticket t = step.ticket();
        if (t.status() == TicketStatus.MERGED && step.actor().role() != Role.SYSTEM) {
            return Step.refuse("ticket.merged-follows-master", "并入主单的工单随主单办结");
        }
        if (t.status() == TicketStatus.REVIEWED && t.caller().reachable()) {
            return Step.refuse("ticket.visit-required", "请先回访市民再办结");
        }
        TicketBuilder next = step.next().status(TicketStatus.CLOSED).closedAt(step.now()).clocks(step.stopAll());
        return step.accept(next, new TicketEvent.TicketClosed(step.actor(), step.now(), c.reason()));
    }

    private static Decision mirror(Step step, Command.MirrorMasterReply c) {
        Ticket t = step.ticket();
        if (!c.master().equals(t.masterTicketId())) {
            return Step.refuse("ticket.not-master", "该工单未并入此主单");
        }
        Reply reply = c.reply();
        // the master's unit answered for this citizen too: the rating counts for it
        TicketBuilder next = step.next().reply(reply).repliedAt(reply.at());
        if (c.leadDepartment() != null) {
            next.leadDepartment(c.leadDepartment());
        }
        return step.accept(next,
                new TicketEvent.MasterReplyMirrored(step.actor(), step.now(), null, c.master(), reply.result(), reply.text()));
    }
}
