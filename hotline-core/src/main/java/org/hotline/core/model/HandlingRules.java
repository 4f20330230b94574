package org.hotline.core.model;

import java.time.Instant;
import java.util.Map;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockTrack;

/** The lead unit's work: sign, contact the citizen, extensions, suspension, reply. */
final class HandlingRules {

    private HandlingRules() {
    }

    static Decision decide(Step step, Command command) {
        if (command instanceof Command.Sign) {
            return sign(step);
        } else if (command instanceof Command.RecordContact c) {
            return recordContact(step, c);
        } else if (command instanceof Command.RequestExtension c) {
            return requestExtension(step, c);
        } else if (command instanceof Command.ApproveExtension c) {
            return approveExtension(step, c);
        } else if (command instanceof Command.RejectExtension c) {
            return rejectExtension(step, c);
        } else if (command instanceof Command.Suspend c) {
            return suspend(step, c);
        } else if (command instanceof Command.Resume c) {
            return resume(step, c);
        } else if (command instanceof Command.SubmitReply c) {
            return reply(step, c);
        }
        throw new IllegalArgumentException("not a handling command: " + command.kind());
    }

    private static Decision sign(Step step) {
        Ticket t = step.ticket();
        TicketBuilder next = step.next().status(TicketStatus.SIGNED).signedAt(step.now())
                .clocks(Step.mapClock(t.clocks(), ClockName.SIGN, track -> track.stop(step.now())));
        return step.accept(next, new TicketEvent.TicketSigned(step.actor(), step.now(), null, t.leadDepartment()));
    }

    private static Decision recordContact(Step step, Command.RecordContact c) {
        Ticket t = step.ticket();
        boolean first = t.firstContactAt() == null;
        TicketBuilder next = step.next().status(TicketStatus.IN_PROGRESS);
        if (first) {
            next.firstContactAt(step.now())
                    .clocks(Step.mapClock(t.clocks(), ClockName.CONTACT, track -> track.stop(step.now())));
        }
        return step.accept(next, new TicketEvent.CitizenContacted(step.actor(), step.now(), c.note(), first, c.attachments()));
    }

    /** Asked before the handling deadline, within the policy's number and length. */
    private static Decision requestExtension(Step step, Command.RequestExtension c) {
        Ticket t = step.ticket();
        ClockLimits limits = step.limits();
        ClockTrack handle = t.clocks().get(ClockName.HANDLE);
        if (t.pendingExtension() != null) {
            return Step.refuse("ticket.extension-pending", "已有延期申请待审核");
        }
        if (handle == null || limits.maxExtensions() == 0) {
            return Step.refuse("ticket.extension-not-allowed", "该类工单不允许延期");
        }
        if (t.extensionCount() >= limits.maxExtensions()) {
            return Step.refuse("ticket.extension-limit", "延期次数已达上限（" + limits.maxExtensions() + "次）");
        }
        if (!c.amount().atMost(limits.maxExtension()) || c.amount().countsWorkingDays() != handle.limit().countsWorkingDays()) {
            return Step.refuse("ticket.extension-too-long", "延期时长不能超过" + limits.maxExtension().describe());
        }
        Instant due = step.status(handle).dueAt();
        if (due != null && step.now().isAfter(due)) {
            return Step.refuse("ticket.extension-too-late", "办理时限已过，不能再申请延期");
        }
        ExtensionRequest request = new ExtensionRequest(c.amount(), c.reason(), t.leadDepartment(), step.now());
        return step.accept(step.next().pendingExtension(request),
                new TicketEvent.ExtensionRequested(step.actor(), step.now(), c.reason(), c.amount()));
    }

    /** The new deadline goes into the event: the citizen is told it. */
    private static Decision approveExtension(Step step, Command.ApproveExtension c) {
        Ticket t = step.ticket();
        ExtensionRequest request = t.pendingExtension();
        if (request == null) {
            return Step.refuse("ticket.no-extension-pending", "没有待审核的延期申请");
        }
        Map<ClockName, ClockTrack> clocks = Step.mapClock(t.clocks(), ClockName.HANDLE,
                track -> track.extend(request.amount(), step.now()));
        TicketBuilder next = step.next().pendingExtension(null).extensionCount(t.extensionCount() + 1).clocks(clocks);
        return step.accept(next, new TicketEvent.ExtensionApproved(step.actor(), step.now(), c.reason(),
                request.amount(), step.handleDue(clocks)));
    }

    private static Decision rejectExtension(Step step, Command.RejectExtension c) {
        if (step.ticket().pendingExtension() == null) {
            return Step.refuse("ticket.no-extension-pending", "没有待审核的延期申请");
        }
        return step.accept(step.next().pendingExtension(null),
                new TicketEvent.ExtensionRejected(step.actor(), step.now(), c.reason()));
    }

    /** Every running clock pauses; the paused time is never counted. */
    private static Decision suspend(Step step, Command.Suspend c) {
        Ticket t = step.ticket();
        TicketBuilder next = step.next().status(TicketStatus.SUSPENDED).suspendedFrom(t.status())
                .clocks(Step.mapClocks(t.clocks(), track -> track.pause(step.now())))
                .assistance(AssistanceRules.mapClocks(t.assistance(), track -> track.pause(step.now())));
        return step.accept(next, new TicketEvent.TicketSuspended(step.actor(), step.now(), c.reason()));
    }

    private static Decision resume(Step step, Command.Resume c) {
        Ticket t = step.ticket();
        TicketStatus back = t.suspendedFrom() == null ? TicketStatus.IN_PROGRESS : t.suspendedFrom();
        TicketBuilder next = step.next().status(back).suspendedFrom(null)
                .clocks(Step.mapClocks(t.clocks(), track -> track.resume(step.now())))
                .assistance(AssistanceRules.mapClocks(t.assistance(), track -> track.resume(step.now())));
        return step.accept(next, new TicketEvent.TicketResumed(step.actor(), step.now(), c.reason()));
    }

    /**
     * Replying stops every clock, so none keeps running after the answer. The lead may reply before
     * its assisting units answered: the ticket does not wait, and their open parts end with it ({@link Step#accept}).
     */
    private static Decision reply(Step step, Command.SubmitReply c) {
        Ticket t = step.ticket();
        Reply reply = new Reply(c.text(), c.result(), step.now(), t.leadDepartment());
        TicketBuilder next = step.next().status(TicketStatus.REPLIED).reply(reply).repliedAt(step.now())
                .pendingExtension(null).clocks(step.stopAll());
        return step.accept(next, new TicketEvent.TicketReplied(step.actor(), step.now(), null, c.result(), c.text(), c.attachments()));
    }
}
