package org.hotline.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Assistance;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Category;
import org.hotline.core.model.Channel;
import org.hotline.core.model.ExtensionRequest;
import org.hotline.core.model.Location;
import org.hotline.core.model.QueryCode;
import org.hotline.core.model.Reply;
import org.hotline.core.model.ReplyResult;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.ReturnRequest;
import org.hotline.core.model.ReturnVisit;
import org.hotline.core.model.Routing;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketBuilder;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketNumber;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.model.UrgeLevel;
import org.hotline.core.model.Urgency;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.ClockStatus;
import org.hotline.core.time.ClockTrack;
import org.hotline.core.time.Deadlines;
import org.hotline.core.wire.TicketV1.CallerV1;
import org.hotline.core.wire.TicketV1.CategoryV1;
import org.hotline.core.wire.TicketV1.ClockV1;
import org.hotline.core.wire.TicketV1.ExtensionV1;
import org.hotline.core.wire.TicketV1.LocationV1;
import org.hotline.core.wire.TicketV1.ReplyV1;
import org.hotline.core.wire.TicketV1.ReturnV1;
import org.hotline.core.wire.TicketV1.VisitV1;

/** Maps tickets to and from the {@code ticket.v1} snapshot; deadlines are computed on the way out. */
public final class TicketSnapshots {

    private final Deadlines deadlines;

    public TicketSnapshots(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    public String toJson(Ticket ticket) {
        try {
            return WireJson.mapper().writeValueAsString(toV1(ticket));
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }

    public Ticket fromJson(String json) {
        try {
            TicketV1 v1 = WireJson.mapper().readValue(json, TicketV1.class);
            if (!TicketV1.SCHEMA.equals(v1.schema())) {
                throw new IllegalArgumentException("unknown snapshot schema " + v1.schema());
            }
            return fromV1(v1);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HotlineException(org.hotline.core.error.ErrorKind.INTERNAL, "ticket.snapshot-unreadable",
                    "工单数据无法读取", e);
        }
    }

    public TicketV1 toV1(Ticket t) {
        Caller c = t.caller();
        Location l = t.location();
        Category cat = t.category();
        return new TicketV1(TicketV1.SCHEMA, t.id().value(), t.number().value(), t.queryCode().value(), t.version(),
                t.status().name(), t.channel().name(), t.appealType().name(), t.urgency().name(), t.title(), t.content(),
                new CallerV1(c.name(), c.phone(), c.confidential(), c.anonymous()),
                new LocationV1(l.district(), l.street(), l.community(), l.address(), l.lat(), l.lon()),
                cat == null ? null : new CategoryV1(cat.code(), cat.name(), cat.pathText()),
                t.leadDepartment(), List.copyOf(new TreeSet<>(t.assistingDepartments())),
                t.receivedAt(), t.signedAt(), t.firstContactAt(), t.repliedAt(), t.closedAt(),
                clocks(t.clocks()), reply(t.reply()), visit(t.visit()),
                extension(t.pendingExtension()), returnRequest(t.pendingReturn()), name(t.suspendedFrom()),
                t.returnCount(), t.extensionCount(), t.urgeCount(), name(t.urgeLevel()), t.reopenCount(),
                t.masterTicketId() == null ? null : t.masterTicketId().value(),
                t.mergedTicketIds().stream().map(TicketId::value).toList(), t.properChannel(), t.callIds(), t.tags(),
                t.visits().stream().map(TicketSnapshots::visit).toList(), routing(t.routing()), assistance(t));
    }

    public Ticket fromV1(TicketV1 v) {
        CallerV1 c = v.caller();
        LocationV1 l = v.location();
        TicketBuilder b = new TicketBuilder().id(new TicketId(v.id())).number(new TicketNumber(v.number()))
                .queryCode(new QueryCode(v.queryCode())).version(v.version()).status(TicketStatus.valueOf(v.status()))
                .channel(Channel.valueOf(v.channel())).appealType(AppealType.valueOf(v.appealType()))
                .urgency(Urgency.valueOf(v.urgency())).title(v.title()).content(v.content())
                .caller(new Caller(c.name(), c.phone(), c.confidential(), c.anonymous()))
                .location(l == null ? Location.unknown()
                        : new Location(l.district(), l.street(), l.community(), l.address(), l.lat(), l.lon()))
                .category(v.category() == null ? null : new Category(v.category().code(), v.category().name(),
                        Arrays.asList(v.category().path().split("/"))))
                .leadDepartment(v.leadDepartment()).assistingDepartments(Set.copyOf(orEmpty(v.assistingDepartments())))
                .receivedAt(v.receivedAt()).signedAt(v.signedAt()).firstContactAt(v.firstContactAt())
                .repliedAt(v.repliedAt()).closedAt(v.closedAt()).clocks(tracks(v.clocks()));
        return restoreRest(b, v).build();
    }

    private static TicketBuilder restoreRest(TicketBuilder b, TicketV1 v) {
        ReplyV1 r = v.reply();
        VisitV1 vi = v.visit();
        ExtensionV1 e = v.pendingExtension();
        ReturnV1 rr = v.pendingReturn();
        return b.reply(r == null ? null : new Reply(r.text(), ReplyResult.valueOf(r.result()), r.at(), r.departmentId()))
                .visit(returnVisit(vi))
                // snapshots written before visits were kept: the current visit is all there is (null → [visit])
                .visits(v.visits() == null ? null : v.visits().stream().map(TicketSnapshots::returnVisit).toList())
                .pendingExtension(e == null ? null : new ExtensionRequest(
                        org.hotline.core.time.TimeLimit.parse(e.amount()), e.reason(), e.departmentId(), e.at()))
                .pendingReturn(rr == null ? null : new ReturnRequest(rr.reason(), rr.responsibleParty(),
                        rr.departmentId(), TicketStatus.valueOf(rr.fromStatus()), rr.at()))
                .suspendedFrom(v.suspendedFrom() == null ? null : TicketStatus.valueOf(v.suspendedFrom()))
                .returnCount(v.returnCount()).extensionCount(v.extensionCount()).urgeCount(v.urgeCount())
                .urgeLevel(v.urgeLevel() == null ? null : UrgeLevel.valueOf(v.urgeLevel())).reopenCount(v.reopenCount())
                .masterTicketId(v.masterTicketId() == null ? null : new TicketId(v.masterTicketId()))
                .mergedTicketIds(orEmpty(v.mergedTicketIds()).stream().map(TicketId::new).toList())
                .properChannel(v.properChannel()).callIds(orEmpty(v.callIds())).tags(orEmpty(v.tags()))
                .routing(v.routing() == null ? null : new Routing(v.routing().firstAssignedAt(), v.routing().automatic(),
                        v.routing().approvedReturns()))
                .assistance(parts(v.assistance()));
    }

    private Map<String, ClockV1> clocks(Map<ClockName, ClockTrack> tracks) {
        Map<String, ClockV1> out = new LinkedHashMap<>();
        Map<ClockName, ClockTrack> ordered = new EnumMap<>(ClockName.class);
        ordered.putAll(tracks);
        ordered.forEach((name, track) -> {
            ClockStatus s = deadlines.compute(track);
            out.put(name.name(), new ClockV1(s.startedAt(), s.dueAt(), s.yellowAt(), s.stoppedAt(), s.paused(),
                    track.limit().code(), ClockMarks.toWire(track.marks()), ClockMarks.alarmsToWire(track.alarms())));
        });
        return out;
    }

    private static Map<ClockName, ClockTrack> tracks(Map<String, ClockV1> clocks) {
        Map<ClockName, ClockTrack> out = new EnumMap<>(ClockName.class);
        if (clocks != null) {
            clocks.forEach((name, clock) -> out.put(ClockName.valueOf(name),
                    new ClockTrack(org.hotline.core.time.TimeLimit.parse(clock.limit()), ClockMarks.fromWire(clock.marks()),
                            ClockMarks.alarmsFromWire(clock.alarms()))));
        }
        return out;
    }

    /** Sorted by unit, so equal tickets write equal snapshots. */
    private List<TicketV1.AssistanceV1> assistance(Ticket t) {
        return t.assistance().values().stream().sorted(java.util.Comparator.comparing(Assistance::department))
                .map(a -> new TicketV1.AssistanceV1(a.department(), clocks(a.clocks()), a.signedAt(), a.opinion(),
                        a.answeredAt(), a.endedAt()))
                .toList();
    }

    private static Map<String, Assistance> parts(List<TicketV1.AssistanceV1> parts) {
        Map<String, Assistance> out = new LinkedHashMap<>();
        orEmpty(parts).forEach(a -> out.put(a.department(), new Assistance(a.department(), tracks(a.clocks()),
                a.signedAt(), a.opinion(), a.answeredAt(), a.endedAt())));
        return out;
    }

    private static ReplyV1 reply(Reply r) {
        return r == null ? null : new ReplyV1(r.text(), r.result().name(), r.at(), r.departmentId());
    }

    private static ReturnVisit returnVisit(VisitV1 v) {
        return v == null ? null : new ReturnVisit(Resolution.valueOf(v.resolution()), Satisfaction.valueOf(v.satisfaction()), v.note(), v.at());
    }

    private static VisitV1 visit(ReturnVisit v) {
        return v == null ? null : new VisitV1(v.resolution().name(), v.satisfaction().name(), v.note(), v.at());
    }

    private static ExtensionV1 extension(ExtensionRequest e) {
        return e == null ? null : new ExtensionV1(e.amount().code(), e.reason(), e.departmentId(), e.at());
    }

    private static ReturnV1 returnRequest(ReturnRequest r) {
        return r == null ? null : new ReturnV1(r.reason(), r.responsibleParty(), r.departmentId(), r.fromStatus().name(), r.at());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static TicketV1.RoutingV1 routing(Routing r) {
        return r == null ? null : new TicketV1.RoutingV1(r.firstAssignedAt(), r.automatic(), r.approvedReturns());
    }
}
