package org.hotline.linkage110.exchange;

import io.lettuce.core.SetArgs;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.linkage110.Linkage110Config;
import org.hotline.linkage110.LinkageKeys;
import org.hotline.linkage110.RedisOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a request from the 110 platform only if it is signed with the shared key, its timestamp is
 * inside the window, and its nonce was never seen (kept in Redis for twice the window, so a replay
 * is caught as long as its timestamp could still pass). Runs after the body handler.
 */
public final class ExchangeGuard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeGuard.class);

    private final RedisOps redis;
    private final Linkage110Config config;
    private final RequestSignature signature;
    private final Clock clock;

    public ExchangeGuard(RedisOps redis, Linkage110Config config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.signature = new RequestSignature(config.sharedSecret());
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var headers = ctx.request().headers();
        String party = headers.get(RequestSignature.PARTY);
        String nonce = headers.get(RequestSignature.NONCE);
        long timestamp = parseTimestamp(headers.get(RequestSignature.TIMESTAMP));
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String path = ctx.request().path();
        if (!config.peerParty().equals(party) || nonce == null || nonce.isBlank() || nonce.length() > 128) {
            refuse(ctx, "linkage110.bad-headers", "缺少或错误的联动签名头");
        } else if (Math.abs(clock.instant().getEpochSecond() - timestamp) > config.timestampWindow().toSeconds()) {
            refuse(ctx, "linkage110.stale-timestamp", "请求时间戳超出允许窗口");
        } else if (!signature.matches(ctx.request().method().name(), path, timestamp, nonce, body,
                headers.get(RequestSignature.SIGNATURE))) {
            refuse(ctx, "linkage110.bad-signature", "签名校验失败");
        } else {
            rememberNonce(ctx, party, nonce);
        }
    }

    private void rememberNonce(RoutingContext ctx, String party, String nonce) {
        long ttl = config.timestampWindow().multipliedBy(2).toMillis();
        redis.call(r -> r.set(LinkageKeys.nonce(party, nonce), "1", SetArgs.Builder.nx().px(ttl)))
                .onSuccess(ok -> {
                    if ("OK".equals(ok)) {
                        ctx.next();
                    } else {
                        LOG.warn("110 request replayed [nonce={}, path={}]", nonce, ctx.request().path());
                        ctx.fail(new HotlineException(ErrorKind.CONFLICT, "linkage110.replay", "重复的请求（重放）被拒绝"));
                    }
                })
                .onFailure(ctx::fail);
    }

    private static void refuse(RoutingContext ctx, String code, String message) {
        LOG.warn("110 request refused [code={}, path={}]", code, ctx.request().path());
        ctx.fail(new HotlineException(ErrorKind.UNAUTHENTICATED, code, message));
    }

    private static long parseTimestamp(String value) {
        try {
            return value == null ? Long.MIN_VALUE / 2 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE / 2;
        }
    }
}
