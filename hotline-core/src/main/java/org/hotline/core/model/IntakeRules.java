package org.hotline.core.model;

import java.util.ArrayList;
import java.util.List;

/** Before dispatch: answer directly, classify, refuse to accept; and merging duplicates, at any stage. */
final class IntakeRules {

    private IntakeRules() {
    }

    static Decision decide(Step step, Command command) {
        if (command instanceof Command.AnswerDirectly c) {
            return answerDirectly(step, c);
        } else if (command instanceof Command.Classify c) {
            return classify(step, c);
        } else if (command instanceof Command.NotAccept c) {
            return notAccept(step, c);
        } else if (command instanceof Command.MergeInto c) {
            return mergeInto(step, c);
        } else if (command instanceof Command.AbsorbDuplicate c) {
            return absorb(step, c);
        } else if (command instanceof Command.Unmerge c) {
            return unmerge(step, c);
        } else if (command instanceof Command.ReleaseDuplicate c) {
            return release(step, c);
        }
        throw new IllegalArgumentException("not an intake command: " + command.kind());
    }

    /** 直接办结: the agent answers on the spot; the answer is the reply, kept for the return visit. */
    private static Decision answerDirectly(Step step, Command.AnswerDirectly c) {
        Reply reply = new Reply(c.answer(), ReplyResult.EXPLAINED, step.now(), null);
        TicketBuilder next = step.next().status(TicketStatus.CLOSED).reply(reply)
                .repliedAt(step.now()).closedAt(step.now()).clocks(step.stopAll());
        return step.accept(next,
                new TicketEvent.TicketAnsweredDirectly(step.actor(), step.now(), null, c.answer()),
                new TicketEvent.TicketClosed(step.actor(), step.now(), "直接答复办结"));
    }

    private static Decision classify(Step step, Command.Classify c) {
        Ticket t = step.ticket();
        AppealType type = c.appealType() == null ? t.appealType() : c.appealType();
        Urgency urgency = c.urgency() == null ? t.urgency() : c.urgency();
        TicketBuilder next = step.next().status(TicketStatus.CLASSIFIED).category(c.category())
                .appealType(type).urgency(urgency);
        return step.accept(next, new TicketEvent.TicketClassified(step.actor(), step.now(), c.reason(),
                c.category().code(), type, urgency));
    }

    private static Decision notAccept(Step step, Command.NotAccept c) {
        TicketBuilder next = step.next().status(TicketStatus.NOT_ACCEPTED).properChannel(c.properChannel())
                .closedAt(step.now()).clocks(step.stopAll());
        return step.accept(next, new TicketEvent.TicketNotAccepted(step.actor(), step.now(), c.reason(), c.properChannel()));
    }

    private static Decision mergeInto(Step step, Command.MergeInto c) {
        if (c.master().equals(step.ticket().id())) {
            return Step.refuse("ticket.merge-self", "不能将工单并入其自身");
        }
        if (!step.ticket().mergedTicketIds().isEmpty()) {
            return Step.refuse("ticket.is-master", "本单已是其他重复件的主单，不能再并入别的工单");
        }
        // the work stops where it stood (the unit's inbox drops it); the master's reply, visit and close are followed
        TicketBuilder next = step.next().status(TicketStatus.MERGED).masterTicketId(c.master()).clocks(step.stopAll())
                .pendingExtension(null).pendingReturn(null).suspendedFrom(null);
        return step.accept(next, new TicketEvent.TicketMerged(step.actor(), step.now(), c.reason(), c.master()));
    }

    private static Decision absorb(Step step, Command.AbsorbDuplicate c) {
        Ticket t = step.ticket();
        if (c.duplicate().equals(t.id())) {
            return Step.refuse("ticket.merge-self", "不能将工单并入其自身");
        }
        if (t.mergedTicketIds().contains(c.duplicate())) {
            return Step.refuse("ticket.already-merged", "该工单已并入本单");
        }
        List<TicketId> merged = new ArrayList<>(t.mergedTicketIds());
        merged.add(c.duplicate());
        return step.accept(step.next().mergedTicketIds(merged),
                new TicketEvent.DuplicateAbsorbed(step.actor(), step.now(), c.reason(), c.duplicate()));
    }

    /**
     * 撤销并单 (a merge made by mistake): the ticket is its own again. Dispatched before (or given the
     * master's unit with its reply), it goes back to that unit with fresh clocks counted from now, as
     * a 重办 would; otherwise back to intake. Once its citizen was visited it stays merged: the visit
     * judged the master's reply.
     */
    private static Decision unmerge(Step step, Command.Unmerge c) {
        Ticket t = step.ticket();
        if (t.visit() != null) {
            return Step.refuse("ticket.unmerge-after-visit", "本单市民已就主单答复回访，不能再撤销并单");
        }
        TicketBuilder next = step.next().masterTicketId(null).reply(null).repliedAt(null).signedAt(null).firstContactAt(null);
        if (t.leadDepartment() != null) {
            // its assisting units get fresh parts too, as at a dispatch
            next.status(TicketStatus.ASSIGNED).clocks(step.freshClocks(t))
                    .assistance(step.freshAssistance(t, t.assistingDepartments()));
        } else {
            next.status(t.category() != null ? TicketStatus.CLASSIFIED : TicketStatus.RECEIVED).clocks(java.util.Map.of());
        }
        return step.accept(next, new TicketEvent.TicketUnmerged(step.actor(), step.now(), c.reason(), t.masterTicketId()));
    }

    private static Decision release(Step step, Command.ReleaseDuplicate c) {
        Ticket t = step.ticket();
        if (!t.mergedTicketIds().contains(c.duplicate())) {
            return Step.refuse("ticket.not-merged-here", "该工单未并入本单");
        }
        List<TicketId> merged = new ArrayList<>(t.mergedTicketIds());
        merged.remove(c.duplicate());
        return step.accept(step.next().mergedTicketIds(merged),
                new TicketEvent.DuplicateReleased(step.actor(), step.now(), c.reason(), c.duplicate()));
    }
}
