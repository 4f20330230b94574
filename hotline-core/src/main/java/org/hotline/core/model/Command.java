package org.hotline.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;

/** What someone asks to do with an existing ticket. Text limits are checked here, rules in {@link TicketRules}. */
public sealed interface Command {

    int MAX_REASON = 1000;
    int MAX_REPLY = 4000;

    CommandKind kind();

    record AnswerDirectly(String answer) implements Command {
        public AnswerDirectly { Texts.require(answer, "答复内容", MAX_REPLY); }
        public CommandKind kind() { return CommandKind.ANSWER_DIRECTLY; }
    }

    /** appealType and urgency may be null to keep the ticket's. */
    record Classify(Category category, AppealType appealType, Urgency urgency, String reason) implements Command {
        public Classify {
            java.util.Objects.requireNonNull(category, "category");
            Texts.limit(reason, "原因", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.CLASSIFY; }
    }

    record Assign(String lead, Set<String> assisting, String reason) implements Command {
        public Assign {
            Texts.require(lead, "主办单位", 64);
            assisting = Set.copyOf(assisting);
            Texts.limit(reason, "原因", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.ASSIGN; }
    }

    record Reassign(String lead, Set<String> assisting, String reason) implements Command {
        public Reassign {
            Texts.require(lead, "主办单位", 64);
            assisting = Set.copyOf(assisting);
            Texts.require(reason, "改派原因", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.REASSIGN; }
    }

    /**
     * A department hands a ticket it leads to one of its own sub-units (district → street →
     * community). {@code ancestorsOfSubUnit} are the units above the sub-unit in the directory,
     * filled in by the application service ({@link #within}); the rules accept the hand-over only
     * when the current lead is among them, so an unresolved command is always refused.
     */
    record SubAssign(String subUnit, String reason, Set<String> ancestorsOfSubUnit) implements Command {
        public SubAssign {
            Texts.require(subUnit, "下级单位", 64);
            Texts.limit(reason, "原因", MAX_REASON);
            ancestorsOfSubUnit = Set.copyOf(ancestorsOfSubUnit);
        }
        public SubAssign(String subUnit, String reason) {
            this(subUnit, reason, Set.of());
        }
        public SubAssign within(Set<String> ancestors) {
            return new SubAssign(subUnit, reason, ancestors);
        }
        public CommandKind kind() { return CommandKind.SUB_ASSIGN; }
    }

    /**
     * A unit takes back a ticket now led by one of its sub-units (the one it handed it to, or a unit
     * further down). {@code unitsBelowActor} are the units below the actor's department, filled in
     * by the application service ({@link #within}); unresolved, the command is always refused.
     */
    record WithdrawSubAssignment(String reason, Set<String> unitsBelowActor) implements Command {
        public WithdrawSubAssignment {
            Texts.limit(reason, "原因", MAX_REASON);
            unitsBelowActor = Set.copyOf(unitsBelowActor);
        }
        public WithdrawSubAssignment(String reason) {
            this(reason, Set.of());
        }
        public WithdrawSubAssignment within(Set<String> below) {
            return new WithdrawSubAssignment(reason, below);
        }
        public CommandKind kind() { return CommandKind.WITHDRAW_SUB_ASSIGNMENT; }
    }

    record Sign() implements Command {
        public CommandKind kind() { return CommandKind.SIGN; }
    }

    /** 协办签收: an assisting unit signs for its part of the ticket. */
    record SignAssistance() implements Command {
        public CommandKind kind() { return CommandKind.SIGN_ASSISTANCE; }
    }

    /** 协办意见: an assisting unit gives its opinion (its findings, its part of the answer) to the lead unit. */
    record SubmitOpinion(String text) implements Command {
        public SubmitOpinion { Texts.require(text, "协办意见", MAX_REPLY); }
        public CommandKind kind() { return CommandKind.SUBMIT_OPINION; }
    }

    /** {@code attachments}: ids of evidence files already stored with this ticket (checked by the use case). */
    record RecordContact(String note, List<String> attachments) implements Command {
        public RecordContact {
            Texts.require(note, "联系情况", MAX_REASON);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
        public RecordContact(String note) { this(note, List.of()); }
        public CommandKind kind() { return CommandKind.RECORD_CONTACT; }
    }

    /** responsibleParty names who should handle it instead (退单须说明责任单位). */
    record RequestReturn(String reason, String responsibleParty) implements Command {
        public RequestReturn {
            Texts.require(reason, "退单理由", MAX_REASON);
            Texts.require(responsibleParty, "建议承办单位", 100);
        }
        public CommandKind kind() { return CommandKind.REQUEST_RETURN; }
    }

    /** With a new lead the ticket is re-dispatched at once (改派); without, it waits classified. */
    record ApproveReturn(String newLead, Set<String> assisting, String reason) implements Command {
        public ApproveReturn {
            assisting = Set.copyOf(assisting);
            Texts.limit(reason, "审核意见", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.APPROVE_RETURN; }
    }

    record RejectReturn(String reason) implements Command {
        public RejectReturn { Texts.require(reason, "驳回理由", MAX_REASON); }
        public CommandKind kind() { return CommandKind.REJECT_RETURN; }
    }

    record RequestExtension(TimeLimit amount, String reason) implements Command {
        public RequestExtension {
            java.util.Objects.requireNonNull(amount, "amount");
            Texts.require(reason, "延期理由", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.REQUEST_EXTENSION; }
    }

    record ApproveExtension(String reason) implements Command {
        public ApproveExtension { Texts.limit(reason, "审核意见", MAX_REASON); }
        public CommandKind kind() { return CommandKind.APPROVE_EXTENSION; }
    }

    record RejectExtension(String reason) implements Command {
        public RejectExtension { Texts.require(reason, "驳回理由", MAX_REASON); }
        public CommandKind kind() { return CommandKind.REJECT_EXTENSION; }
    }

    record Suspend(String reason) implements Command {
        public Suspend { Texts.require(reason, "挂起理由", MAX_REASON); }
        public CommandKind kind() { return CommandKind.SUSPEND; }
    }

    record Resume(String reason) implements Command {
        public Resume { Texts.limit(reason, "原因", MAX_REASON); }
        public CommandKind kind() { return CommandKind.RESUME; }
    }

    record Urge(UrgeLevel level, String reason) implements Command {
        public Urge {
            java.util.Objects.requireNonNull(level, "level");
            Texts.require(reason, "督办意见", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.URGE; }
    }

    /** {@code attachments}: ids of evidence files already stored with this ticket (checked by the use case). */
    record SubmitReply(String text, ReplyResult result, List<String> attachments) implements Command {
        public SubmitReply {
            Texts.require(text, "答复内容", MAX_REPLY);
            java.util.Objects.requireNonNull(result, "result");
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
        public SubmitReply(String text, ReplyResult result) { this(text, result, List.of()); }
        public CommandKind kind() { return CommandKind.SUBMIT_REPLY; }
    }

    record AcceptReply(String reason) implements Command {
        public AcceptReply { Texts.limit(reason, "审核意见", MAX_REASON); }
        public CommandKind kind() { return CommandKind.ACCEPT_REPLY; }
    }

    record SendBackReply(String reason) implements Command {
        public SendBackReply { Texts.require(reason, "退回理由", MAX_REASON); }
        public CommandKind kind() { return CommandKind.SEND_BACK_REPLY; }
    }

    record RecordReturnVisit(Resolution resolution, Satisfaction satisfaction, String note) implements Command {
        public RecordReturnVisit {
            java.util.Objects.requireNonNull(resolution, "resolution");
            java.util.Objects.requireNonNull(satisfaction, "satisfaction");
            Texts.limit(note, "回访记录", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.RECORD_RETURN_VISIT; }
    }

    record Rehandle(String reason) implements Command {
        public Rehandle { Texts.require(reason, "重办理由", MAX_REASON); }
        public CommandKind kind() { return CommandKind.REHANDLE; }
    }

    record Close(String reason) implements Command {
        public Close { Texts.limit(reason, "办结说明", MAX_REASON); }
        public CommandKind kind() { return CommandKind.CLOSE; }
    }

    /** properChannel names where the citizen should go instead (诉讼, 信访, ...). */
    record NotAccept(String reason, String properChannel) implements Command {
        public NotAccept {
            Texts.require(reason, "不予受理理由", MAX_REASON);
            Texts.require(properChannel, "建议反映渠道", 200);
        }
        public CommandKind kind() { return CommandKind.NOT_ACCEPT; }
    }

    record MergeInto(TicketId master, String reason) implements Command {
        public MergeInto {
            java.util.Objects.requireNonNull(master, "master");
            Texts.limit(reason, "并单说明", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.MERGE_INTO; }
    }

    record AbsorbDuplicate(TicketId duplicate, String reason) implements Command {
        public AbsorbDuplicate {
            java.util.Objects.requireNonNull(duplicate, "duplicate");
            Texts.limit(reason, "并单说明", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.ABSORB_DUPLICATE; }
    }

    /** 撤销并单: a ticket merged by mistake leaves its master and is handled on its own again. */
    record Unmerge(String reason) implements Command {
        public Unmerge {
            Texts.require(reason, "撤销并单原因", MAX_REASON);
        }
        public CommandKind kind() { return CommandKind.UNMERGE; }
    }

    /** The master lets go of a duplicate that was un-merged. */
    record ReleaseDuplicate(TicketId duplicate, String reason) implements Command {
        public ReleaseDuplicate {
            java.util.Objects.requireNonNull(duplicate, "duplicate");
        }
        public CommandKind kind() { return CommandKind.RELEASE_DUPLICATE; }
    }

    /** The master's reply for a merged ticket; {@code leadDepartment}: the master's lead unit (null: kept). */
    record MirrorMasterReply(TicketId master, Reply reply, String leadDepartment) implements Command {
        public MirrorMasterReply {
            java.util.Objects.requireNonNull(master, "master");
            java.util.Objects.requireNonNull(reply, "reply");
        }

        public MirrorMasterReply(TicketId master, Reply reply) {
            this(master, reply, null);
        }
        public CommandKind kind() { return CommandKind.MIRROR_MASTER_REPLY; }
    }

    /**
     * Sent by the SLA scheduler when an armed alarm fires; {@code dueAt} identifies the alarm.
     * {@code assistingUnit}: the assisting unit whose own clock it is (协办), null for the ticket's clocks.
     */
    record RecordSlaWarning(ClockName clock, SlaLevel level, Instant dueAt, String assistingUnit) implements Command {
        public RecordSlaWarning {
            java.util.Objects.requireNonNull(clock, "clock");
            java.util.Objects.requireNonNull(level, "level");
            java.util.Objects.requireNonNull(dueAt, "dueAt");
        }
        public RecordSlaWarning(ClockName clock, SlaLevel level, Instant dueAt) {
            this(clock, level, dueAt, null);
        }
        public CommandKind kind() { return CommandKind.RECORD_SLA_WARNING; }
    }

    record LinkCall(String callId) implements Command {
        public LinkCall { Texts.require(callId, "通话编号", 128); }
        public CommandKind kind() { return CommandKind.LINK_CALL; }
    }

    /**
     * A step of the ticket's 110 transfer (移交, 签收, 退回, 处置结果), recorded on the ticket by the linkage;
     * {@code text}: the police result or the reason of a refusal, when there is one.
     */
    record RecordPoliceLinkage(String transferId, PoliceLinkageStage stage, String text) implements Command {
        public RecordPoliceLinkage {
            Texts.require(transferId, "移交单号", 128);
            java.util.Objects.requireNonNull(stage, "stage");
            Texts.limit(text, "110处置说明", 4000);
        }
        public CommandKind kind() { return CommandKind.RECORD_POLICE_LINKAGE; }
    }

    /**
     * A message or call the system sent about the ticket (receipt SMS, reply notice, survey, a
     * deadline notice to the handling unit's duty phone) and what became of it; recorded so every
     * outbound message is on the ticket's trail. {@code reference}: the gateway's message id or the
     * survey id, never a phone number.
     */
    record RecordMessage(MessageChannel channel, String purpose, String outcome, String reference) implements Command {
        public RecordMessage {
            java.util.Objects.requireNonNull(channel, "channel");
            Texts.require(purpose, "消息用途", 32);
            Texts.require(outcome, "消息结果", 64);
            Texts.limit(reference, "消息编号", 128);
        }
        public CommandKind kind() { return CommandKind.RECORD_MESSAGE; }
    }

    record AddTag(String tag) implements Command {
        public AddTag { Texts.require(tag, "标签", 32); }
        public CommandKind kind() { return CommandKind.ADD_TAG; }
    }
}
