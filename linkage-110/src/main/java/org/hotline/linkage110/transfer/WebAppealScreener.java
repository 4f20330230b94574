package org.hotline.linkage110.transfer;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
public final class WebAppealScreener extends TicketEventConsumer {

    public static final String GROUP = "linkage110-intake";
    static final Set<String> SELF_SERVICE_CHANNELS = Set.of("WEB", "APP", "WECHAT", "SMS");
    private static final Duration SCREENED_TTL = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(WebAppealScreener.class);

    private final RedisOps redis;
    private final TransferLists lists;
    private final OutgoingTransfers outgoing;
    private final EmergencyDetector detector = new EmergencyDetector();

    public WebAppealScreener(RedisOps redis, TransferLists lists, OutgoingTransfers outgoing, String consumer, Duration poll) {
        super(redis, GROUP, consumer, poll);
        this.redis = redis;
        this.lists = lists;
        this.outgoing = outgoing;
    }

    @Override
    Future<Void> handle(Map<String, String> body) {
        if (!"TicketReceived".equals(body.get("type")) || body.get("ticket") == null) {
            return Future.succeededFuture();
        }
        JsonObject ticket = new JsonObject(body.get("ticket"));
        if (!SELF_SERVICE_CHANNELS.contains(ticket.getString("channel"))) {
            return Future.succeededFuture();
        }
        return lists.current(Direction.TO_110)
                .map(list -> detector.check(list, ticket.getString("title"), ticket.getString("content")))
                .compose(verdict -> verdict.police() ? pushOnce(ticket, verdict) : Future.succeededFuture());
    }

    /**
     * The marker is written after the push: a crash in between pushes again on redelivery (110
     * then sees the ticket twice, by the same ticket number), never zero times.
     */
    private Future<Void> pushOnce(JsonObject ticket, EmergencyVerdict verdict) {
        String marker = "hotline:linkage110:web-screened:" + ticket.getString("id");
        return redis.call(r -> r.exists(marker)).compose(seen -> seen > 0 ? Future.succeededFuture() : push(ticket, verdict)
                .compose(transfer -> redis.call(r -> r.set(marker, transfer.id(), SetArgs.Builder.ex(SCREENED_TTL))))
                .mapEmpty());
    }

    private Future<org.hotline.linkage110.transfer.Transfer> push(JsonObject ticket, EmergencyVerdict verdict) {
        JsonObject caller = ticket.getJsonObject("caller", new JsonObject());
        JsonObject location = ticket.getJsonObject("location", new JsonObject());
        LOG.info("web appeal pushed to 110 [ticket={}, item={}, listVersion={}]", ticket.getString("number"),
                verdict.item().code(), verdict.version());
        return outgoing.send(new TransferRequest(ticket.getString("id"), ticket.getString("number"), verdict.item().code(),
                ticket.getString("title"), ticket.getString("content"), location.getString("district"),
                location.getString("address"), caller.getString("name"), caller.getString("phone")));
    }
}
