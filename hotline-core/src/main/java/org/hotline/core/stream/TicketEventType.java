package org.hotline.core.stream;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.core.model.TicketEvent;

/**
 * The {@code type} field of a ticket event stream entry, one constant per {@link TicketEvent} record.
 * Consumers compare against these constants, never against string literals. A {@code TicketEvent}
 * record without a constant here fails this class's initialisation (and {@code TicketEventTypeTest}),
 * so a new event cannot reach the stream unmapped; Java 17 has no exhaustive switch over sealed types.
 */
public enum TicketEventType {
    TICKET_RECEIVED(TicketEvent.TicketReceived.class),
    TICKET_ANSWERED_DIRECTLY(TicketEvent.TicketAnsweredDirectly.class),
    TICKET_CLASSIFIED(TicketEvent.TicketClassified.class),
    TICKET_ASSIGNED(TicketEvent.TicketAssigned.class),
    TICKET_REASSIGNED(TicketEvent.TicketReassigned.class),
    TICKET_SUB_ASSIGNED(TicketEvent.TicketSubAssigned.class),
    SUB_ASSIGNMENT_WITHDRAWN(TicketEvent.SubAssignmentWithdrawn.class),
    TICKET_SIGNED(TicketEvent.TicketSigned.class),
    ASSISTANCE_SIGNED(TicketEvent.AssistanceSigned.class),
    ASSISTANCE_OPINION_GIVEN(TicketEvent.AssistanceOpinionGiven.class),
    CITIZEN_CONTACTED(TicketEvent.CitizenContacted.class),
    RETURN_REQUESTED(TicketEvent.ReturnRequested.class),
    RETURN_APPROVED(TicketEvent.ReturnApproved.class),
    RETURN_REJECTED(TicketEvent.ReturnRejected.class),
    EXTENSION_REQUESTED(TicketEvent.ExtensionRequested.class),
    EXTENSION_APPROVED(TicketEvent.ExtensionApproved.class),
    EXTENSION_REJECTED(TicketEvent.ExtensionRejected.class),
    TICKET_SUSPENDED(TicketEvent.TicketSuspended.class),
    TICKET_RESUMED(TicketEvent.TicketResumed.class),
    TICKET_URGED(TicketEvent.TicketUrged.class),
    TICKET_REPLIED(TicketEvent.TicketReplied.class),
    REPLY_ACCEPTED(TicketEvent.ReplyAccepted.class),
    REPLY_SENT_BACK(TicketEvent.ReplySentBack.class),
    RETURN_VISIT_RECORDED(TicketEvent.ReturnVisitRecorded.class),
    TICKET_REOPENED(TicketEvent.TicketReopened.class),
    TICKET_CLOSED(TicketEvent.TicketClosed.class),
    TICKET_NOT_ACCEPTED(TicketEvent.TicketNotAccepted.class),
    TICKET_MERGED(TicketEvent.TicketMerged.class),
    DUPLICATE_ABSORBED(TicketEvent.DuplicateAbsorbed.class),
    TICKET_UNMERGED(TicketEvent.TicketUnmerged.class),
    DUPLICATE_RELEASED(TicketEvent.DuplicateReleased.class),
    MASTER_REPLY_MIRRORED(TicketEvent.MasterReplyMirrored.class),
    SLA_WARNING_RECORDED(TicketEvent.SlaWarningRecorded.class),
    SLA_OVERDUE_RECORDED(TicketEvent.SlaOverdueRecorded.class),
    ASSISTANCE_ALARM_RECORDED(TicketEvent.AssistanceAlarmRecorded.class),
    CALL_LINKED(TicketEvent.CallLinked.class),
    POLICE_LINKAGE_RECORDED(TicketEvent.PoliceLinkageRecorded.class),
    MESSAGE_RECORDED(TicketEvent.MessageRecorded.class),
    TICKET_TAGGED(TicketEvent.TicketTagged.class);

    private static final Map<String, TicketEventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TicketEventType::wireName, Function.identity()));
    private static final Map<Class<?>, TicketEventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(t -> t.eventClass, Function.identity()));

    static {
        for (Class<?> permitted : TicketEvent.class.getPermittedSubclasses()) {
            if (!BY_CLASS.containsKey(permitted)) {
                throw new IllegalStateException("TicketEvent " + permitted.getSimpleName() + " has no TicketEventType constant");
            }
        }
    }

    private final Class<? extends TicketEvent> eventClass;

    TicketEventType(Class<? extends TicketEvent> eventClass) {
        this.eventClass = eventClass;
    }

    /**
     * Whether the stream entry carries the ticket's snapshot ({@code ticket} field). Only the events whose
     * consumers read it do (lean entries, issue 21): a received ticket (automatic dispatch, the place index,
     * the 110 screener of web appeals) and a closed one (the classifier's learner, and the search index
     * keeps it after the ticket left Redis). Every other consumer needs only the entry's own fields, and
     * the search index reads the current ticket from Redis once per batch.
     */
    public boolean carriesSnapshot() {
        return this == TICKET_RECEIVED || this == TICKET_CLOSED;
    }

    /** The name on the stream, e.g. {@code TicketSigned} (the record's simple name, {@link TicketEvent#type()}). */
    public String wireName() {
        return eventClass.getSimpleName();
    }

    public static TicketEventType of(TicketEvent event) {
        return BY_CLASS.get(event.getClass());
    }

    /** The type of a stream entry's {@code type} field; empty for a name this build does not know. */
    public static Optional<TicketEventType> fromWire(String name) {
        return Optional.ofNullable(name == null ? null : BY_WIRE_NAME.get(name));
    }
}
