package org.hotline.server.cluster;

import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hotline.telephony.TelephonyVerticle;

/**
 * Every node logged in to AMI sees every call and publishes the same screen pop; on a clustered
 * bus each pop would then reach the agent once per node. Outgoing pops are stamped with the
 * publishing node; on receipt, the node whose copy of a call's pop arrived first is remembered and
 * copies from other nodes are dropped. Inbound interceptors run once per consumer, so the
 * decision is per origin, not per delivery: every open screen of the agent gets the first copy.
 */
public final class ScreenPopOnce {

    static final String ORIGIN = "hotline-origin";
    private static final int REMEMBERED = 4096;

    private final String node = UUID.randomUUID().toString();
    private final Map<String, String> firstOrigin = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public static void install(EventBus bus) {
        ScreenPopOnce once = new ScreenPopOnce();
        bus.addOutboundInterceptor(once::stamp);
        bus.addInboundInterceptor(once::filter);
    }

    private void stamp(DeliveryContext<Object> delivery) {
        if (isPop(delivery) && !delivery.message().headers().contains(ORIGIN)) {
            delivery.message().headers().add(ORIGIN, node);
        }
        delivery.next();
    }

    private void filter(DeliveryContext<Object> delivery) {
        String origin = delivery.message().headers().get(ORIGIN);
        if (origin != null && delivery.message().body() instanceof JsonObject pop && pop.getString("callId") != null) {
            String key = delivery.message().address() + '|' + pop.getString("type") + '|' + pop.getString("callId");
            if (!origin.equals(firstOrigin(key, origin))) {
                return;
            }
        }
        delivery.next();
    }

    private static boolean isPop(DeliveryContext<Object> delivery) {
        return delivery.message().address().startsWith(TelephonyVerticle.AGENT_ADDRESS_PREFIX) && !delivery.send();
    }

    private synchronized String firstOrigin(String key, String origin) {
        return firstOrigin.computeIfAbsent(key, k -> origin);
    }
}
