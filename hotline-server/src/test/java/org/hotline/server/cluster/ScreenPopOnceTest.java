package org.hotline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.telephony.TelephonyVerticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The copies of one pop published by several nodes reach each of the agent's screens once. Each
 * screen's messages arrive in publishing order, so a last pop ("end") marks that all earlier ones
 * were handled.
 */
class ScreenPopOnceTest {

    private static final String AGENT = TelephonyVerticle.AGENT_ADDRESS_PREFIX + "agent7";

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        ScreenPopOnce.install(vertx.eventBus());
    }

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** What a pop published by another node carries when it arrives over the clustered bus. */
    private static DeliveryOptions fromOtherNode() {
        return new DeliveryOptions().addHeader(ScreenPopOnce.ORIGIN, "other-node");
    }

    private static JsonObject pop(String callId) {
        return new JsonObject().put("type", "screen-pop").put("callId", callId);
    }

    private MessageConsumer<JsonObject> screen(List<String> seen, CountDownLatch ended) throws Exception {
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(AGENT, m -> {
            String callId = m.body().getString("callId", m.body().getString("type"));
            seen.add("other-node".equals(m.headers().get(ScreenPopOnce.ORIGIN)) ? callId + " from the other node" : callId);
            if ("end".equals(callId)) {
                ended.countDown();
            }
        });
        consumer.completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return consumer;
    }

    @Test
    void aPopPublishedByTwoNodesForOneCallReachesEveryOpenScreenOnce() throws Exception {
        List<String> firstTab = new CopyOnWriteArrayList<>();
        List<String> secondTab = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(2);
        screen(firstTab, ended);
        screen(secondTab, ended);

        vertx.eventBus().publish(AGENT, pop("call-1"));
        vertx.eventBus().publish(AGENT, pop("call-1"), fromOtherNode());
        vertx.eventBus().publish(AGENT, pop("call-2"), fromOtherNode());
        vertx.eventBus().publish(AGENT, pop("call-2"));
        vertx.eventBus().publish(AGENT, pop("end"));

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(firstTab).containsExactly("call-1", "call-2 from the other node", "end");
        assertThat(secondTab).isEqualTo(firstTab);
    }

    @Test
    void messagesWithoutACallIdPassUntouched() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        screen(seen, ended);

        vertx.eventBus().publish(AGENT, new JsonObject().put("type", "note"));
        vertx.eventBus().publish(AGENT, new JsonObject().put("type", "note"));
        vertx.eventBus().publish(AGENT, pop("end"));

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("note", "note", "end");
    }
}
