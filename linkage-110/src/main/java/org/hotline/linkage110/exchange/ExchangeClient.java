package org.hotline.linkage110.exchange;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.hotline.linkage110.Linkage110Config;

/**
 * Sends one signed POST to the 110 platform. Each attempt gets a fresh timestamp and nonce (the
 * peer rejects a reused nonce); the idempotency key stays the same across attempts.
 */
public final class ExchangeClient {

    private final WebClient client;
    private final Linkage110Config config;
    private final RequestSignature signature;
    private final Clock clock;

    public ExchangeClient(WebClient client, Linkage110Config config, Clock clock) {
        this.client = client;
        this.config = config;
        this.signature = new RequestSignature(config.sharedSecret());
        this.clock = clock;
    }

    public Future<HttpResponse<Buffer>> post(String path, String idempotencyKey, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String url = config.peerUrl().resolve(path).toString();
        return client.postAbs(url)
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(RequestSignature.PARTY, config.ourParty())
                .putHeader(RequestSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(RequestSignature.NONCE, nonce)
                .putHeader(RequestSignature.IDEMPOTENCY_KEY, idempotencyKey)
                .putHeader(RequestSignature.SIGNATURE, signature.sign("POST", path, timestamp, nonce, bytes))
                .sendBuffer(Buffer.buffer(bytes));
    }
}
