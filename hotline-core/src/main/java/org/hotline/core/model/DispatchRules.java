package org.hotline.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.time.ClockTrack;

/** Assignment to the lead and assisting units, re-assignment, and the return (退单) loop. */
final class DispatchRules {

    private DispatchRules() {
    }

    static Decision decide(Step step, Command command) {
        if (command instanceof Command.Assign c) {
            return assign(step, c.lead(), c.assisting(), c.reason(), false);
        } else if (command instanceof Command.Reassign c) {
            return assign(step, c.lead(), c.assisting(), c.reason(), true);
        } else if (command instanceof Command.SubAssign c) {
            return subAssign(step, c);
        } else if (command instanceof Command.WithdrawSubAssignment c) {
            return withdraw(step, c);
        } else if (command instanceof Command.RequestReturn c) {
            return requestReturn(step, c);
        } else if (command instanceof Command.ApproveReturn c) {
            return approveReturn(step, c);
        } else if (command instanceof Command.RejectReturn c) {
            return rejectReturn(step, c);
        }
        throw new IllegalArgumentException("not a dispatch command: " + command.kind());
    }

    /** Assigning starts every clock afresh: the new lead unit gets its full limits. */
    private static Decision assign(Step step, String lead, Set<String> assisting, String reason, boolean reassign) {
        Ticket t = step.ticket();
        if (t.category() == null) {
            return Step.refuse("ticket.missing-category", "请先对工单分类再派单");
        }
        if (assisting.contains(lead)) {
            return Step.refuse("ticket.lead-also-assisting", "主办单位不能同时作为协办单位");
        }
        if (reassign && lead.equals(t.leadDepartment()) && assisting.equals(t.assistingDepartments())) {
            return Step.refuse("ticket.same-assignment", "改派的单位与当前承办单位相同");
        }
        Map<ClockName, ClockTrack> clocks = step.freshClocks(t);
        TicketBuilder next = step.next().status(TicketStatus.ASSIGNED).leadDepartment(lead)
                .assistingDepartments(assisting).assistance(step.freshAssistance(t, assisting)).clocks(clocks).signedAt(null).firstContactAt(null)
                .pendingExtension(null).pendingReturn(null)
                .routing(t.routing() != null ? t.routing() : Routing.firstAssignment(step.actor(), step.now()));
        Instant due = step.handleDue(clocks);
        TicketEvent event = reassign
                ? new TicketEvent.TicketReassigned(step.actor(), step.now(), reason, t.leadDepartment(), lead, assisting, due)
                : new TicketEvent.TicketAssigned(step.actor(), step.now(), reason, lead, assisting, due);
        return step.accept(next, event);
    }

    /**
     * The lead unit hands the ticket down to one of its own sub-units, which becomes the lead; the
     * parent still sees it (data scope covers sub-units). Status and clocks stay as they are: the
     * deadlines given to the parent are the ones the sub-unit must meet.
     */
    private static Decision subAssign(Step step, Command.SubAssign c) {
        Ticket t = step.ticket();
        String lead = t.leadDepartment();
        if (c.subUnit().equals(lead) || !c.ancestorsOfSubUnit().contains(lead)) {
            return Step.refuse("ticket.not-own-sub-unit", "只能转派给本单位的下级单位：" + c.subUnit() + " 不是本单位的下级单位");
        }
        if (t.assistingDepartments().contains(c.subUnit())) {
            return Step.refuse("ticket.lead-also-assisting", "主办单位不能同时作为协办单位");
        }
        TicketBuilder next = step.next().leadDepartment(c.subUnit());
        return step.accept(next, new TicketEvent.TicketSubAssigned(step.actor(), step.now(), c.reason(), lead, c.subUnit()));
    }

    /**
     * The parent takes the ticket back: it leads again and the sub-unit no longer sees it (data
     * scope reaches down, never up). Status and clocks stay: the deadlines were the parent's all along.
     */
    private static Decision withdraw(Step step, Command.WithdrawSubAssignment c) {
        Ticket t = step.ticket();
        String parent = step.actor().departmentId();
        if (t.leadDepartment() == null || !c.unitsBelowActor().contains(t.leadDepartment())) {
            return Step.refuse("ticket.not-sub-assigned", "工单不在本单位的下级单位办理，无需收回");
        }
        if (t.assistingDepartments().contains(parent)) {
            return Step.refuse("ticket.lead-also-assisting", "本单位是该工单的协办单位，不能收回为主办，请联系派单员改派");
        }
        TicketBuilder next = step.next().leadDepartment(parent);
        return step.accept(next, new TicketEvent.SubAssignmentWithdrawn(step.actor(), step.now(), c.reason(), t.leadDepartment(), parent));
    }

    private static Decision requestReturn(Step step, Command.RequestReturn c) {
        Ticket t = step.ticket();
        ClockTrack window = t.clocks().get(ClockName.RETURN_WINDOW);
        if (window == null) {
            return Step.refuse("ticket.return-not-allowed", "该类工单不允许退单，请先行处置");
        }
        ClockStatus status = step.status(window);
        if (status.dueAt() != null && step.now().isAfter(status.dueAt())) {
            return Step.refuse("ticket.return-window-elapsed", "已超过退单期限，不能退单");
        }
        int bounce = t.returnCount() + 1;
        ReturnRequest request = new ReturnRequest(c.reason(), c.responsibleParty(), t.leadDepartment(), t.status(), step.now());
        TicketBuilder next = step.next().status(TicketStatus.RETURN_REQUESTED).pendingReturn(request).returnCount(bounce);
        return step.accept(next, new TicketEvent.ReturnRequested(step.actor(), step.now(), c.reason(),
                c.responsibleParty(), t.leadDepartment(), bounce));
    }

    /** Approved: re-dispatched at once when a new lead is named, otherwise back to the dispatch queue. */
    private static Decision approveReturn(Step step, Command.ApproveReturn c) {
        Ticket t = step.ticket();
        String returnedBy = t.pendingReturn().departmentId();
        if (c.newLead() != null && c.newLead().equals(returnedBy)) {
            return Step.refuse("ticket.same-assignment", "改派单位不能是退单单位");
        }
        // the approved 退单 proves the routing wrong (docs/measures.md, 错派率)
        Routing routing = t.routing() == null ? null : t.routing().returnApproved();
        TicketEvent approved = new TicketEvent.ReturnApproved(step.actor(), step.now(), c.reason(), returnedBy, c.newLead());
        if (c.newLead() == null) {
            TicketBuilder next = step.next().status(TicketStatus.CLASSIFIED).pendingReturn(null).routing(routing)
                    .leadDepartment(null).assistingDepartments(Set.of()).assistance(Map.of()).signedAt(null).firstContactAt(null)
                    .clocks(step.stopAll());
            return step.accept(next, approved);
        }
        Map<ClockName, ClockTrack> clocks = step.freshClocks(t);
        TicketBuilder next = step.next().status(TicketStatus.ASSIGNED).pendingReturn(null).routing(routing)
                .leadDepartment(c.newLead())
                .assistingDepartments(c.assisting()).assistance(step.freshAssistance(t, c.assisting())).signedAt(null).firstContactAt(null).clocks(clocks);
        TicketEvent reassigned = new TicketEvent.TicketReassigned(step.actor(), step.now(), c.reason(), returnedBy,
                c.newLead(), c.assisting(), step.handleDue(clocks));
        return step.accept(next, approved, reassigned);
    }

    /** Rejected: back where it was; the clocks kept running, so a frivolous return costs time. */
    private static Decision rejectReturn(Step step, Command.RejectReturn c) {
        ReturnRequest request = step.ticket().pendingReturn();
        TicketBuilder next = step.next().status(request.fromStatus()).pendingReturn(null);
        return step.accept(next, new TicketEvent.ReturnRejected(step.actor(), step.now(), c.reason(), request.departmentId()));
    }
}
