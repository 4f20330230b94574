package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.action.OriginateAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load benchmark (docs/benchmarks/telephony.md), off by default:
 * {@code ./mvnw -q -o -B -pl telephony verify -Dit.test=CallLoadBenchIT -Dtelephony.bench=true
 * -Dbench.rate=20 -Dbench.seconds=30 -Dbench.agents=250}. Every call runs the whole dialplan
 * (FastAGI, menu wait, MixMonitor, queue, an agent talking 8 s); the check is that every call gets
 * exactly one correct record.
 */
@EnabledIfSystemProperty(named = "telephony.bench", matches = "true")
class CallLoadBenchIT {

    @Test
    void everyCallOfASustainedBurstGetsExactlyOneCorrectRecord() throws Exception {
        int rate = Integer.getInteger("bench.rate", 20);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int agents = Integer.getInteger("bench.agents", 250);
        int calls = rate * seconds;
        try (TelephonyTestBed bed = new TelephonyTestBed()) {
            for (int i = 0; i < agents; i++) {
                TelephonyTestBed.await(bed.telephony.control().login("m" + i, List.of("common")));
            }
            Set<String> recorded = ConcurrentHashMap.newKeySet();
            AtomicInteger wrong = new AtomicInteger();
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            AtomicInteger maxInProgress = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(calls);
            bed.vertx.eventBus().<JsonObject>consumer(TelephonyVerticle.RECORDED_ADDRESS, m -> {
                JsonObject r = m.body();
                if (!r.getString("caller").startsWith("188")) {
                    return;
                }
                outcomes.computeIfAbsent(r.getString("outcome") + "/" + r.getString("hangupSide"), k -> new AtomicInteger())
                        .incrementAndGet();
                if (!"ANSWERED".equals(r.getString("outcome")) || !r.getString("agentId").startsWith("m")
                        || !recorded.add(r.getString("caller"))) {
                    wrong.incrementAndGet();
                }
                all.countDown();
            });
            List<Long> popLatencies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int i = 0; i < agents; i++) {
                bed.vertx.eventBus().<JsonObject>consumer("telephony.agent.m" + i, m -> popLatencies.add(
                        System.currentTimeMillis() - java.time.Instant.parse(m.body().getString("answeredAt")).toEpochMilli()));
            }
            long sampler = bed.vertx.setPeriodic(250, t -> maxInProgress.accumulateAndGet(
                    bed.telephony.dashboard().getInteger("callsInProgress"), Math::max));
            ScheduledExecutorService dialer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger placed = new AtomicInteger();
            long start = System.nanoTime();
            dialer.scheduleAtFixedRate(() -> {
                int n = placed.getAndIncrement();
                if (n < calls) {
                    originate(bed, String.format("188%08d", n));
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            boolean complete = all.await(seconds + 120L, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            dialer.shutdownNow();
            bed.vertx.cancelTimer(sampler);
            System.out.printf("BENCH rate=%d/s calls=%d recorded=%d wrong=%d maxInProgress=%d elapsed=%.1fs outcomes=%s%n",
                    rate, calls, recorded.size(), wrong.get(), maxInProgress.get(), elapsed, outcomes);
            List<Long> sorted = popLatencies.stream().sorted().toList();
            if (!sorted.isEmpty()) {
                System.out.printf("BENCH screen pop after answer: n=%d p50=%dms p95=%dms p99=%dms max=%dms%n", sorted.size(),
                        sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 95 / 100), sorted.get(sorted.size() * 99 / 100),
                        sorted.get(sorted.size() - 1));
            }
            assertThat(complete).isTrue();
            assertThat(wrong.get()).isZero();
            assertThat(recorded).hasSize(calls);
        }
    }

    private static void originate(TelephonyTestBed bed, String caller) {
        OriginateAction o = new OriginateAction();
        o.setChannel("Local/12345@hotline-in");
        o.setContext("hotline-sim-caller");
        o.setExten("hold");
        o.setPriority(1);
        o.setCallerId(caller);
        o.setAsync(true);
        o.setTimeout(60_000L);
        try {
            bed.phoneNetwork.sendAction(o, response -> { });
        } catch (Exception e) {
            System.out.println("BENCH originate failed " + e);
        }
    }

}
