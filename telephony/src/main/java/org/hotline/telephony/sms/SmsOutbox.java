package org.hotline.telephony.sms;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due, at most {@code ratePerSecond} messages a round, each round a second after the
 * previous one ended (the center's throughput; see SmsVerticle), with at most {@code window} submits awaiting their response (the gateway's
 * worker pool). A message to a citizen that comes due in the quiet hours (a backlog running past
 * 21:00) goes back to wait for the morning. A refused submit is retried after a growing wait
 * ({@link SmsConfig#retryWait}) without touching the ticket; after {@code maxAttempts} refusals the
 * message is given up: one {@code failed} event on the ticket and an entry in {@link RedisSmsBook#FAILED}.
 */
public final class SmsOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(SmsOutbox.class);

    private final SmsConfig config;
    private final RedisSmsBook book;
    private final SmppGateway gateway;
    private final SmsChannel channel;
    private final Clock clock;

    public SmsOutbox(SmsConfig config, RedisSmsBook book, SmppGateway gateway, SmsChannel channel, Clock clock) {
        this.config = config;
        this.book = book;
        this.gateway = gateway;
        this.channel = channel;
        this.clock = clock;
    }

    /** One round; answers how many messages were handed to the center. */
    public Future<Integer> round() {
        if (!gateway.bound()) {
            return Future.succeededFuture(0);
        }
        Instant now = clock.instant();
        return book.takeDue(now, config.ratePerSecond()).compose(due -> Future.all(due.stream().map(m -> send(m, now)).toList())
                .map(all -> (int) all.list().stream().filter(Boolean.TRUE::equals).count()));
    }

    private Future<Boolean> send(Outgoing message, Instant now) {
        if (!message.purpose().startsWith("handler-") && config.quiet().quietAt(now)) {
            return book.enqueue(message, config.quiet().nextAllowed(now)).map(false);
        }
        return gateway.submit(message.phone(), message.text())
                .compose(ids -> channel.submitted(message, ids.get(0)).map(true))
                .recover(e -> retry(message, now, e));
    }

    private Future<Boolean> retry(Outgoing message, Instant now, Throwable e) {
        Outgoing refused = message.refusedOnce();
        if (refused.attempts() >= config.maxAttempts()) {
            LOG.warn("sms given up after {} attempts [message={}, reason={}]", refused.attempts(), refused, e.getMessage());
            return book.giveUp(refused, e.getMessage(), now)
                    .compose(v -> book.count("sms.failed"))
                    .compose(v -> channel.failed(refused, e.getMessage())).map(false);
        }
        Duration wait = config.retryWait(refused.attempts());
        LOG.warn("sms submit refused, retrying in {} s [message={}, reason={}]", wait.toSeconds(), refused, e.getMessage());
        return book.enqueue(refused, now.plus(wait)).map(false);
    }
}
