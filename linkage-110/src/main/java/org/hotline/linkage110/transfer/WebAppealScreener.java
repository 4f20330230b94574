package org.hotline.linkage110.transfer;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.Handled;
import org.hotline.core.wire.TicketV1;
import org.hotline.linkage110.RedisOps;
import org.hotline.linkage110.lists.EmergencyDetector;
import org.hotline.linkage110.lists.EmergencyVerdict;
import org.hotline.linkage110.lists.TransferLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appeals that citizens submit themselves (web, app, WeChat, SMS) have no agent to press the 110
 * button: every new one is checked against the 12345 → 110 list in force, and a match is pushed to
 * 110 through the outbox, once per ticket. Phone appeals are left to the agent, who sees the same
 * verdict live.
 */
public final class WebAppealScreener implements BatchHandler<TicketEventEntry> {

    public static final String GROUP = "linkage110-intake";
    static final Set<String> SELF_SERVICE_CHANNELS = Set.of("WEB", "APP", "WECHAT", "SMS");
    private static final Duration SCREENED_TTL = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(WebAppealScreener.class);

    private final RedisOps redis;
    private final TransferLists lists;
    private final OutgoingTransfers outgoing;
    private final EmergencyDetector detector = new EmergencyDetector();

    public WebAppealScreener(RedisOps redis, TransferLists lists, OutgoingTransfers outgoing) {
        this.redis = redis;
        this.lists = lists;
        this.outgoing = outgoing;
    }

    @Override
    public Future<Handled> handle(List<TicketEventEntry> batch) {
        return BatchHandler.inOrder(batch, this::screen);
    }

    private Future<Void> screen(TicketEventEntry entry) {
        TicketV1 ticket = entry.ticket();
        if (!entry.is(TicketEventType.TICKET_RECEIVED) || !SELF_SERVICE_CHANNELS.contains(ticket.channel())) {
            return Future.succeededFuture();
        }
        return lists.current(Direction.TO_110)
                .map(list -> detector.check(list, ticket.title(), ticket.content()))
                .compose(verdict -> verdict.police() ? pushOnce(ticket, verdict) : Future.succeededFuture());
    }

    /**
     * The marker is written after the push: a crash in between pushes again on redelivery (110
     * then sees the ticket twice, by the same ticket number), never zero times.
     */
    private Future<Void> pushOnce(TicketV1 ticket, EmergencyVerdict verdict) {
        String marker = "hotline:linkage110:web-screened:" + ticket.id();
        return redis.call(r -> r.exists(marker)).compose(seen -> seen > 0 ? Future.succeededFuture() : push(ticket, verdict)
                .compose(transfer -> redis.call(r -> r.set(marker, transfer.id(), SetArgs.Builder.ex(SCREENED_TTL))))
                .mapEmpty());
    }

    private Future<org.hotline.linkage110.transfer.Transfer> push(TicketV1 ticket, EmergencyVerdict verdict) {
        var caller = ticket.caller() == null ? new TicketV1.CallerV1(null, null, false, false) : ticket.caller();
        var location = ticket.location() == null ? new TicketV1.LocationV1(null, null, null, null, null, null) : ticket.location();
        LOG.info("web appeal pushed to 110 [ticket={}, item={}, listVersion={}]", ticket.number(),
                verdict.item().code(), verdict.version());
        return outgoing.send(new TransferRequest(ticket.id(), ticket.number(), verdict.item().code(),
                ticket.title(), ticket.content(), location.district(), location.address(), caller.name(), caller.phone()));
    }
}
