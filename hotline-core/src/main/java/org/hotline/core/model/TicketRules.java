package org.hotline.core.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.hotline.core.model.CommandKind.*;

/**
 * The ticket state machine: which command is accepted in which status, who may give it, and what
 * it changes. Pure: time and policy are arguments; the outcome is a {@link Decision} value.
 */
public final class TicketRules {

    private TicketRules() {
    }

    /** The commands a ticket accepts in a status (before checking who asks). */
    public static Set<CommandKind> acceptedIn(TicketStatus status) {
        return switch (status) {
            case RECEIVED -> EnumSet.of(ANSWER_DIRECTLY, CLASSIFY, NOT_ACCEPT, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            case CLASSIFIED -> EnumSet.of(CLASSIFY, ASSIGN, NOT_ACCEPT, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            // 并单 at any stage until the master is closed (重复诉求原则上并单): every open status takes both sides
            // assisting units (协办) sign and answer while the lead handles; the lead's reply ends their part
            case ASSIGNED -> EnumSet.of(SIGN, SIGN_ASSISTANCE, SUBMIT_OPINION, REASSIGN, SUB_ASSIGN, WITHDRAW_SUB_ASSIGNMENT, REQUEST_RETURN, URGE, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE,
                    RECORD_SLA_WARNING, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            case SIGNED, IN_PROGRESS -> EnumSet.of(RECORD_CONTACT, SIGN_ASSISTANCE, SUBMIT_OPINION, REASSIGN, SUB_ASSIGN, WITHDRAW_SUB_ASSIGNMENT, REQUEST_RETURN, REQUEST_EXTENSION,
                    APPROVE_EXTENSION, REJECT_EXTENSION, SUSPEND, URGE, SUBMIT_REPLY, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE,
                    RECORD_SLA_WARNING, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            case RETURN_REQUESTED -> EnumSet.of(APPROVE_RETURN, REJECT_RETURN, URGE, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE, RECORD_SLA_WARNING, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            case SUSPENDED -> EnumSet.of(RESUME, URGE, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            case REPLIED -> EnumSet.of(ACCEPT_REPLY, SEND_BACK_REPLY, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            case REVIEWED -> EnumSet.of(RECORD_RETURN_VISIT, CLOSE, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            // a re-visit by an agent (复核回访: survey campaigns, docs/surveys.md) supersedes the robot's visit
            case REVISITED -> EnumSet.of(RECORD_RETURN_VISIT, REHANDLE, CLOSE, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE, ADD_TAG);
            // a merged ticket follows its master (its reply, its own citizen's visit, its close) until un-merged
            case MERGED -> EnumSet.of(MIRROR_MASTER_REPLY, RECORD_RETURN_VISIT, CLOSE, UNMERGE, LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE);
            case CLOSED, NOT_ACCEPTED -> EnumSet.of(LINK_CALL, RECORD_POLICE_LINKAGE, RECORD_MESSAGE);
        };
    }

    /**
     * The roles that may give a command at all; DEPARTMENT users must also be the lead unit, or an
     * assisting unit for the 协办 commands ({@link #assisting}).
     */
    public static Set<Role> rolesFor(CommandKind kind) {
        return switch (kind) {
            case ANSWER_DIRECTLY, NOT_ACCEPT -> EnumSet.of(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR);
            case CLASSIFY, ASSIGN, CLOSE, ADD_TAG -> EnumSet.of(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.SYSTEM);
            case REASSIGN, APPROVE_RETURN, REJECT_RETURN, APPROVE_EXTENSION, REJECT_EXTENSION, SUSPEND,
                 ACCEPT_REPLY, SEND_BACK_REPLY, REHANDLE -> EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
            case SIGN, RECORD_CONTACT, REQUEST_RETURN, REQUEST_EXTENSION, SUBMIT_REPLY, SUB_ASSIGN, WITHDRAW_SUB_ASSIGNMENT,
                 SIGN_ASSISTANCE, SUBMIT_OPINION -> EnumSet.of(Role.DEPARTMENT);
            // the center suspends and only the center lifts it: a department asks by phone, it does not resume itself
            case RESUME -> EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR, Role.SYSTEM);
            case URGE, MERGE_INTO, ABSORB_DUPLICATE, RELEASE_DUPLICATE -> EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR, Role.SYSTEM);
            case UNMERGE -> EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
            case RECORD_RETURN_VISIT -> EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.SYSTEM, Role.CITIZEN);
            case MIRROR_MASTER_REPLY, RECORD_SLA_WARNING, RECORD_POLICE_LINKAGE, RECORD_MESSAGE -> EnumSet.of(Role.SYSTEM);
            case LINK_CALL -> EnumSet.of(Role.AGENT, Role.SYSTEM);
        };
    }

    /** Decides a command on an existing ticket. */
    public static Decision decide(Ticket ticket, Command command, Actor actor, Instant now, Policy policy) {
        CommandKind kind = command.kind();
        Decision.Refused refused = refusedBeforeInput(ticket, kind, actor);
        if (refused != null) {
            return refused;
        }
        Step step = new Step(ticket, actor, now, policy);
        return switch (kind) {
            case ANSWER_DIRECTLY, CLASSIFY, NOT_ACCEPT, MERGE_INTO, ABSORB_DUPLICATE, UNMERGE, RELEASE_DUPLICATE ->
                    IntakeRules.decide(step, command);
            case ASSIGN, REASSIGN, SUB_ASSIGN, WITHDRAW_SUB_ASSIGNMENT, REQUEST_RETURN, APPROVE_RETURN, REJECT_RETURN ->
                    DispatchRules.decide(step, command);
            case SIGN, RECORD_CONTACT, REQUEST_EXTENSION, APPROVE_EXTENSION, REJECT_EXTENSION, SUSPEND, RESUME,
                 SUBMIT_REPLY -> HandlingRules.decide(step, command);
            case ACCEPT_REPLY, SEND_BACK_REPLY, RECORD_RETURN_VISIT, REHANDLE, CLOSE, MIRROR_MASTER_REPLY ->
                    ClosingRules.decide(step, command);
            case SIGN_ASSISTANCE, SUBMIT_OPINION -> AssistanceRules.decide(step, command);
            case URGE, RECORD_SLA_WARNING, LINK_CALL, ADD_TAG, RECORD_POLICE_LINKAGE, RECORD_MESSAGE -> SupervisionRules.decide(step, command);
        };
    }

    /**
     * The refusal that does not depend on what the command says: the role table, the status table and
     * the lead-unit rule; null when those let {@code actor} give {@code kind} now. {@link AllowedCommands}
     * is built on it, so what a page offers and what {@link #decide} accepts come from one table.
     */
    public static Decision.Refused refusedBeforeInput(Ticket ticket, CommandKind kind, Actor actor) {
        if (!rolesFor(kind).contains(actor.role())) {
            return new Decision.Refused("ticket.forbidden-role", "当前角色无权执行此操作", true);
        }
        if (!acceptedIn(ticket.status()).contains(kind)) {
            return ticket.status().isOpen()
                    ? new Decision.Refused("ticket.illegal-transition", "工单当前状态为“" + ticket.status().label() + "”，不能执行此操作", false)
                    : new Decision.Refused("ticket.terminal", "工单已" + ticket.status().label() + "，不能再办理", false);
        }
        if (assisting(kind)) {
            return ticket.assistingDepartments().contains(actor.departmentId()) ? null
                    : new Decision.Refused("ticket.not-assisting", "只有协办单位可以执行此操作", true);
        }
        // taking a ticket back is the parent's act: the rule checks that the lead is below it
        if (actor.role() == Role.DEPARTMENT && kind != WITHDRAW_SUB_ASSIGNMENT && !actor.belongsTo(ticket.leadDepartment())) {
            return new Decision.Refused("ticket.not-assignee", "只有主办单位可以执行此操作", true);
        }
        return null;
    }

    /** The commands an assisting unit gives for its own part (协办签收, 协办意见), never the lead. */
    static boolean assisting(CommandKind kind) {
        return kind == SIGN_ASSISTANCE || kind == SUBMIT_OPINION;
    }

    /**
     * Creates a ticket and applies the agent's intake decision (直接办结 or 并入已有工单) in the same
     * decision, so the ticket is never stored as RECEIVED and automatic dispatch cannot take it first.
     * The events are the receipt followed by the decision's events; {@code intake} may be null.
     */
    public static Decision receive(NewAppeal appeal, TicketId id, TicketNumber number, QueryCode queryCode,
                                   Actor actor, Instant now, Policy policy, Command intake) {
        Decision received = receive(appeal, id, number, queryCode, actor, now);
        if (intake == null || !(received instanceof Decision.Accepted born)) {
            return received;
        }
        if (!(intake instanceof Command.AnswerDirectly || intake instanceof Command.MergeInto)) {
            throw new IllegalArgumentException("not an intake decision: " + intake.kind());
        }
        Decision decided = decide(born.ticket(), intake, actor, now, policy);
        if (!(decided instanceof Decision.Accepted after)) {
            return decided;
        }
        java.util.List<TicketEvent> events = new java.util.ArrayList<>(born.events());
        events.addAll(after.events());
        return new Decision.Accepted(after.ticket(), events);
    }

    /** Creates a ticket from an appeal: citizens only on their own channels, departments never. */
    public static Decision receive(NewAppeal appeal, TicketId id, TicketNumber number, QueryCode queryCode,
                                   Actor actor, Instant now) {
        boolean citizenChannel = switch (appeal.channel()) {
            case WEB, APP, WECHAT, SMS -> true;
            case PHONE, LETTER, ON_SITE, POLICE_110, PROVINCIAL_PLATFORM, LEADER_ASSIGNED -> false;
        };
        boolean allowed = switch (actor.role()) {
            case AGENT, DISPATCHER, SUPERVISOR, SYSTEM -> true;
            case CITIZEN -> citizenChannel;
            case DEPARTMENT, ADMIN -> false;
        };
        if (!allowed) {
            return new Decision.Refused("ticket.forbidden-role", "当前角色无权通过该渠道登记诉求", true);
        }
        Ticket ticket = new TicketBuilder()
                .id(id).number(number).queryCode(queryCode).version(1).status(TicketStatus.RECEIVED)
                .channel(appeal.channel()).appealType(appeal.appealType()).urgency(appeal.urgency())
                .title(appeal.title()).content(appeal.content()).caller(appeal.caller())
                .location(appeal.location()).tags(appeal.tags()).receivedAt(now)
                .build();
        TicketEvent received = new TicketEvent.TicketReceived(actor, now, null, appeal.channel(),
                appeal.appealType(), appeal.urgency());
        return new Decision.Accepted(ticket, java.util.List.of(received));
    }
}
