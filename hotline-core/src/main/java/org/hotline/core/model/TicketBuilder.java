package org.hotline.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockTrack;

/** Builds the next {@link Ticket} from the current one; validation happens in the record. */
public final class TicketBuilder {

    private TicketId id;
    private TicketNumber number;
    private QueryCode queryCode;
    private long version;
    private TicketStatus status;
    private Channel channel;
    private AppealType appealType;
    private Urgency urgency;
    private String title;
    private String content;
    private Caller caller;
    private Location location;
    private Category category;
    private String leadDepartment;
    private Set<String> assistingDepartments;
    private Instant receivedAt;
    private Instant signedAt;
    private Instant firstContactAt;
    private Instant repliedAt;
    private Instant closedAt;
    private Map<ClockName, ClockTrack> clocks;
    private Reply reply;
    private ReturnVisit visit;
    private ExtensionRequest pendingExtension;
    private ReturnRequest pendingReturn;
    private TicketStatus suspendedFrom;
    private int returnCount;
    private int extensionCount;
    private int urgeCount;
    private UrgeLevel urgeLevel;
    private int reopenCount;
    private TicketId masterTicketId;
    private List<TicketId> mergedTicketIds;
    private List<ReturnVisit> visits;
    private String properChannel;
    private List<String> callIds;
    private List<String> tags;
    private Routing routing;
    private Map<String, Assistance> assistance;

    /** Starts from empty collections and counters, for a new ticket. */
    public TicketBuilder() {
        this.assistingDepartments = Set.of();
        this.clocks = Map.of();
        this.mergedTicketIds = List.of();
        this.visits = List.of();
        this.callIds = List.of();
        this.tags = List.of();
        this.assistance = Map.of();
    }

    TicketBuilder(Ticket from) {
        this.id = from.id();
        this.number = from.number();
        this.queryCode = from.queryCode();
        this.version = from.version();
        this.status = from.status();
        this.channel = from.channel();
        this.appealType = from.appealType();
        this.urgency = from.urgency();
        this.title = from.title();
        this.content = from.content();
        this.caller = from.caller();
        this.location = from.location();
        this.category = from.category();
        this.leadDepartment = from.leadDepartment();
        this.assistingDepartments = from.assistingDepartments();
        this.receivedAt = from.receivedAt();
        this.signedAt = from.signedAt();
        this.firstContactAt = from.firstContactAt();
        this.repliedAt = from.repliedAt();
        this.closedAt = from.closedAt();
        this.clocks = from.clocks();
        this.reply = from.reply();
        this.visit = from.visit();
        this.pendingExtension = from.pendingExtension();
        this.pendingReturn = from.pendingReturn();
        this.suspendedFrom = from.suspendedFrom();
        this.returnCount = from.returnCount();
        this.extensionCount = from.extensionCount();
        this.urgeCount = from.urgeCount();
        this.urgeLevel = from.urgeLevel();
        this.reopenCount = from.reopenCount();
        this.masterTicketId = from.masterTicketId();
        this.mergedTicketIds = from.mergedTicketIds();
        this.visits = from.visits();
        this.properChannel = from.properChannel();
        this.callIds = from.callIds();
        this.tags = from.tags();
        this.routing = from.routing();
        this.assistance = from.assistance();
    }

    public TicketBuilder id(TicketId value) {
        this.id = value;
        return this;
    }

    public TicketBuilder number(TicketNumber value) {
        this.number = value;
        return this;
    }

    public TicketBuilder queryCode(QueryCode value) {
        this.queryCode = value;
        return this;
    }

    public TicketBuilder version(long value) {
        this.version = value;
        return this;
    }

    public TicketBuilder status(TicketStatus value) {
        this.status = value;
        return this;
    }

    public TicketBuilder channel(Channel value) {
        this.channel = value;
        return this;
    }

    public TicketBuilder appealType(AppealType value) {
        this.appealType = value;
        return this;
    }

    public TicketBuilder urgency(Urgency value) {
        this.urgency = value;
        return this;
    }

    public TicketBuilder title(String value) {
        this.title = value;
        return this;
    }

    public TicketBuilder content(String value) {
        this.content = value;
        return this;
    }

    public TicketBuilder caller(Caller value) {
        this.caller = value;
        return this;
    }

    public TicketBuilder location(Location value) {
        this.location = value;
        return this;
    }

    public TicketBuilder category(Category value) {
        this.category = value;
        return this;
    }

    public TicketBuilder leadDepartment(String value) {
        this.leadDepartment = value;
        return this;
    }

    public TicketBuilder assistingDepartments(Set<String> value) {
        this.assistingDepartments = value;
        return this;
    }

    public TicketBuilder receivedAt(Instant value) {
        this.receivedAt = value;
        return this;
    }

    public TicketBuilder signedAt(Instant value) {
        this.signedAt = value;
        return this;
    }

    public TicketBuilder firstContactAt(Instant value) {
        this.firstContactAt = value;
        return this;
    }

    public TicketBuilder repliedAt(Instant value) {
        this.repliedAt = value;
        return this;
    }

    public TicketBuilder closedAt(Instant value) {
        this.closedAt = value;
        return this;
    }

    public TicketBuilder clocks(Map<ClockName, ClockTrack> value) {
        this.clocks = value;
        return this;
    }

    public TicketBuilder reply(Reply value) {
        this.reply = value;
        return this;
    }

    public TicketBuilder visit(ReturnVisit value) {
        this.visit = value;
        return this;
    }

    public TicketBuilder pendingExtension(ExtensionRequest value) {
        this.pendingExtension = value;
        return this;
    }

    public TicketBuilder pendingReturn(ReturnRequest value) {
        this.pendingReturn = value;
        return this;
    }

    public TicketBuilder suspendedFrom(TicketStatus value) {
        this.suspendedFrom = value;
        return this;
    }

    public TicketBuilder assistance(Map<String, Assistance> value) {
        this.assistance = value;
        return this;
    }

    public TicketBuilder routing(Routing value) {
        this.routing = value;
        return this;
    }

    public TicketBuilder returnCount(int value) {
        this.returnCount = value;
        return this;
    }

    public TicketBuilder extensionCount(int value) {
        this.extensionCount = value;
        return this;
    }

    public TicketBuilder urgeCount(int value) {
        this.urgeCount = value;
        return this;
    }

    public TicketBuilder urgeLevel(UrgeLevel value) {
        this.urgeLevel = value;
        return this;
    }

    public TicketBuilder reopenCount(int value) {
        this.reopenCount = value;
        return this;
    }

    public TicketBuilder masterTicketId(TicketId value) {
        this.masterTicketId = value;
        return this;
    }

    public TicketBuilder mergedTicketIds(List<TicketId> value) {
        this.mergedTicketIds = value;
        return this;
    }

    public TicketBuilder properChannel(String value) {
        this.properChannel = value;
        return this;
    }

    public TicketBuilder callIds(List<String> value) {
        this.callIds = value;
        return this;
    }

    public TicketBuilder tags(List<String> value) {
        this.tags = value;
        return this;
    }

    /** Every return visit so far; a new one is appended, none is ever removed. */
    public TicketBuilder visits(List<ReturnVisit> value) {
        this.visits = value;
        return this;
    }

    public Ticket build() {
        return new Ticket(id, number, queryCode, version, status, channel, appealType, urgency, title, content, caller, location, category, leadDepartment, assistingDepartments, receivedAt, signedAt, firstContactAt, repliedAt, closedAt, clocks, reply, visit, pendingExtension, pendingReturn, suspendedFrom, returnCount, extensionCount, urgeCount, urgeLevel, reopenCount, masterTicketId, mergedTicketIds, properChannel, callIds, tags, visits, routing, assistance);
    }

    public TicketStatus status() {
        return status;
    }

    public Map<ClockName, ClockTrack> clocks() {
        return clocks;
    }

    public Map<String, Assistance> assistance() {
        return assistance;
    }
}
