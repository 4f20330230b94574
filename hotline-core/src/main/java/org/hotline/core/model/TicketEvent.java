package org.hotline.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;

/**
 * Something that happened to a ticket, in the past tense, with who, when and why. The trail is
 * append-only: every reply, return and rating stays as it was recorded.
 */
public sealed interface TicketEvent {

    Actor actor();

    Instant at();

    /** Why, as given by the actor; may be null when the act needs no reason (e.g. signing). */
    String reason();

    /** The type name on the event stream, e.g. {@code TicketSigned}. */
    default String type() {
        return getClass().getSimpleName();
    }

    record TicketReceived(Actor actor, Instant at, String reason, Channel channel, AppealType appealType, Urgency urgency) implements TicketEvent { }

    record TicketAnsweredDirectly(Actor actor, Instant at, String reason, String answer) implements TicketEvent { }

    record TicketClassified(Actor actor, Instant at, String reason, String categoryCode, AppealType appealType, Urgency urgency) implements TicketEvent { }

    record TicketAssigned(Actor actor, Instant at, String reason, String lead, Set<String> assisting, Instant handleDueAt) implements TicketEvent { }

    record TicketReassigned(Actor actor, Instant at, String reason, String previousLead, String lead, Set<String> assisting, Instant handleDueAt) implements TicketEvent { }

    /** The lead unit handed the ticket to one of its own sub-units; deadlines run on unchanged. */
    record TicketSubAssigned(Actor actor, Instant at, String reason, String previousLead, String subUnit) implements TicketEvent { }

    /** A unit took back a ticket from a unit below it and leads it again; deadlines run on unchanged. */
    record SubAssignmentWithdrawn(Actor actor, Instant at, String reason, String subUnit, String lead) implements TicketEvent { }

    record TicketSigned(Actor actor, Instant at, String reason, String departmentId) implements TicketEvent { }

    /** 协办签收; {@code dueAt}: the unit's sign-for deadline at that moment (null without one), so the on-time rate is exact from events. */
    record AssistanceSigned(Actor actor, Instant at, String reason, String departmentId, Instant dueAt) implements TicketEvent { }

    /** 协办意见 given to the lead unit; {@code dueAt}: the unit's opinion deadline at that moment (null without one). */
    record AssistanceOpinionGiven(Actor actor, Instant at, String reason, String departmentId, String text,
                                  Instant dueAt) implements TicketEvent { }

    /** {@code attachments}: ids of the evidence files recorded with the contact. */
    record CitizenContacted(Actor actor, Instant at, String reason, boolean first, List<String> attachments) implements TicketEvent {
        public CitizenContacted(Actor actor, Instant at, String reason, boolean first) {
            this(actor, at, reason, first, List.of());
        }
    }

    record ReturnRequested(Actor actor, Instant at, String reason, String responsibleParty, String departmentId, int bounce) implements TicketEvent { }

    record ReturnApproved(Actor actor, Instant at, String reason, String returnedBy, String newLead) implements TicketEvent { }

    record ReturnRejected(Actor actor, Instant at, String reason, String returnedBy) implements TicketEvent { }

    record ExtensionRequested(Actor actor, Instant at, String reason, TimeLimit amount) implements TicketEvent { }

    /** {@code newDueAt} is the handling deadline the citizen is told. */
    record ExtensionApproved(Actor actor, Instant at, String reason, TimeLimit amount, Instant newDueAt) implements TicketEvent { }

    record ExtensionRejected(Actor actor, Instant at, String reason) implements TicketEvent { }

    record TicketSuspended(Actor actor, Instant at, String reason) implements TicketEvent { }

    record TicketResumed(Actor actor, Instant at, String reason) implements TicketEvent { }

    record TicketUrged(Actor actor, Instant at, String reason, UrgeLevel level, int urgeCount) implements TicketEvent { }

    /** {@code attachments}: ids of the evidence files sent with the reply. */
    record TicketReplied(Actor actor, Instant at, String reason, ReplyResult result, String text, List<String> attachments)
            implements TicketEvent {
        public TicketReplied(Actor actor, Instant at, String reason, ReplyResult result, String text) {
            this(actor, at, reason, result, text, List.of());
        }
    }

    record ReplyAccepted(Actor actor, Instant at, String reason) implements TicketEvent { }

    record ReplySentBack(Actor actor, Instant at, String reason) implements TicketEvent { }

    record ReturnVisitRecorded(Actor actor, Instant at, String reason, Resolution resolution, Satisfaction satisfaction) implements TicketEvent { }

    record TicketReopened(Actor actor, Instant at, String reason, int reopenCount) implements TicketEvent { }

    record TicketClosed(Actor actor, Instant at, String reason) implements TicketEvent { }

    record TicketNotAccepted(Actor actor, Instant at, String reason, String properChannel) implements TicketEvent { }

    record TicketMerged(Actor actor, Instant at, String reason, TicketId master) implements TicketEvent { }

    record DuplicateAbsorbed(Actor actor, Instant at, String reason, TicketId duplicate) implements TicketEvent { }

    record TicketUnmerged(Actor actor, Instant at, String reason, TicketId master) implements TicketEvent { }

    record DuplicateReleased(Actor actor, Instant at, String reason, TicketId duplicate) implements TicketEvent { }

    record MasterReplyMirrored(Actor actor, Instant at, String reason, TicketId master, ReplyResult result, String text) implements TicketEvent { }

    record SlaWarningRecorded(Actor actor, Instant at, String reason, ClockName clock, Instant dueAt) implements TicketEvent { }

    record SlaOverdueRecorded(Actor actor, Instant at, String reason, ClockName clock, Instant dueAt) implements TicketEvent { }

    /**
     * A yellow or red SLA alarm on an assisting unit's own clock. Kept apart from the lead's
     * {@link SlaWarningRecorded}/{@link SlaOverdueRecorded}, so the lead's figures and urging ladder are the lead's.
     */
    record AssistanceAlarmRecorded(Actor actor, Instant at, String reason, String departmentId, ClockName clock,
                                   SlaLevel level, Instant dueAt) implements TicketEvent { }

    record CallLinked(Actor actor, Instant at, String reason, String callId) implements TicketEvent { }

    record PoliceLinkageRecorded(Actor actor, Instant at, String reason, String transferId, PoliceLinkageStage stage,
                                 String text) implements TicketEvent { }

    /** A message or call the system sent about the ticket (SMS, voice survey) and its outcome; see {@link Command.RecordMessage}. */
    record MessageRecorded(Actor actor, Instant at, String reason, MessageChannel channel, String purpose, String outcome,
                           String reference) implements TicketEvent { }

    record TicketTagged(Actor actor, Instant at, String reason, String tag) implements TicketEvent { }
}
