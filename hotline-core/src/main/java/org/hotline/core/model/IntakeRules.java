package org.hotline.core.model;

import java.util.ArrayList;
import java.util.List;

/** Before dispatch: answer directly, classify, refuse to accept, merge duplicates. */
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
        TicketBuilder next = step.next().status(TicketStatus.MERGED).masterTicketId(c.master()).clocks(step.stopAll());
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
}
