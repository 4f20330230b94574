package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.hotline.testsupport.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load benchmark with real SIP (docs/benchmarks.md, "Telephony with real SIP"), off by default:
 * <pre>
 * ./mvnw -q -o -B -pl telephony -am verify -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=NONE -Dit.test=SipLoadBenchIT -Dtelephony.bench=true \
 *   -Dbench.rate=20 -Dbench.seconds=60 -Dbench.agents=700
 * </pre>
 * Citizens are sipp calling through the carrier trunk at {@code bench.rate} new calls a second for
 * {@code bench.seconds}, in four cohorts willing to wait 30, 40, 50 and 60 s for an agent (plus
 * {@link #MENU_SECONDS} for the greeting and its menu wait), the wait ending at the agent's answer
 * (Asterisk's connected-line re-INVITE): the conversation is not patience. Answered, a citizen talks
 * until the agent hangs up. Agents are {@code bench.agents} PJSIP endpoints made by log-in, registered
 * by one sipp that answers after 2-8 s and talks 10-30 s.
 * Accounting: a call is expected to have one record when Asterisk took it (a Newchannel of the
 * carrier in [hotline-in], seen on a second AMI connection); lost = taken calls without a record,
 * doubled = calls with more than one. Prints the share answered (of the calls placed and of those
 * taken), the 15-second answer rate, and the CPU time of Asterisk and of this JVM per call.
 */
@EnabledIfSystemProperty(named = "telephony.bench", matches = "true")
class SipLoadBenchIT {

    private static final int[] PATIENCE_SECONDS = {30, 40, 50, 60};
    /** The greeting (about 6 s) and the 2-s menu wait come before the queue: not part of the patience. */
    private static final int MENU_SECONDS = 10;

    @Test
    void citizensThroughTheTrunkAreAnsweredByRegisteredAgentsAndRecordedOnce() throws Exception {
        int rate = Integer.getInteger("bench.rate", 20);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int agents = Integer.getInteger("bench.agents", 700);
        int perCohort = rate * seconds / PATIENCE_SECONDS.length;
        int calls = perCohort * PATIENCE_SECONDS.length;
        try (TelephonyTestBed bed = new TelephonyTestBed(TelephonyTestBed.SIP_AGENTS);
             Sipp.Run phones = Sipp.agents(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(30))) {
            List<String> ids = IntStream.range(0, agents).mapToObj(i -> "b" + i).toList();
            TelephonyTestBed.await(Future.all(ids.stream().map(id -> bed.telephony.control().login(id, List.of("common"))).toList()));
            Map<String, String> passwords = new LinkedHashMap<>();
            ids.forEach(id -> passwords.put(id, bed.telephony.control().phones().passwordOf(id)));
            Sipp.registerAll("127.0.0.1", bed.sipPort(), passwords, phones.port());

            Set<String> taken = ConcurrentHashMap.newKeySet();
            bed.phoneNetwork.addEventListener(event -> {
                if (event instanceof NewChannelEvent n && "hotline-in".equals(n.getContext())
                        && n.getChannel() != null && n.getChannel().startsWith("PJSIP/carrier")
                        && n.getCallerIdNum() != null && n.getCallerIdNum().startsWith("189")) {
                    taken.add(n.getCallerIdNum());
                }
            });
            Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            AtomicInteger within15 = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger waitSum = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(calls);
            bed.vertx.eventBus().<JsonObject>consumer(TelephonyVerticle.RECORDED_ADDRESS, m -> {
                JsonObject r = m.body();
                if (!r.getString("caller").startsWith("189")) {
                    return;
                }
                outcomes.computeIfAbsent(r.getString("outcome") + "/" + r.getString("hangupSide"), k -> new AtomicInteger())
                        .incrementAndGet();
                if ("ANSWERED".equals(r.getString("outcome"))) {
                    answered.incrementAndGet();
                    int wait = Integer.parseInt(r.getString("waitSeconds"));
                    waitSum.addAndGet(wait);
                    if (wait <= 15) {
                        within15.incrementAndGet();
                    }
                }
                if (seen.computeIfAbsent(r.getString("caller"), k -> new AtomicInteger()).incrementAndGet() == 1) {
                    all.countDown();
                }
            });
            long asteriskCpuBefore = cpuTicks(asteriskPid(bed));
            long jvmCpuBefore = jvmCpuNanos();
            long start = System.nanoTime();
            List<Sipp.Run> citizens = new ArrayList<>();
            for (int c = 0; c < PATIENCE_SECONDS.length; c++) {
                int cohort = c;
                List<String> callers = IntStream.range(0, perCohort).mapToObj(i -> String.format("189%d%07d", cohort, i)).toList();
                citizens.add(Sipp.citizensWaitingInQueue("127.0.0.1", bed.sipPort(), "12345", callers,
                        (double) rate / PATIENCE_SECONDS.length, perCohort,
                        Duration.ofSeconds(PATIENCE_SECONDS[c] + MENU_SECONDS), Duration.ofSeconds(90)));
            }
            int sipOk = 0;
            int sipFailed = 0;
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds + PATIENCE_SECONDS[PATIENCE_SECONDS.length - 1] + MENU_SECONDS + 120L);
            for (Sipp.Run run : citizens) {
                Sipp.Result result = run.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                sipOk += result.successful();
                sipFailed += result.failed();
            }
            // Every call Asterisk took is recorded (one second after its end): wait for those records.
            boolean complete = all.await(120, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long asteriskCpuMs = (cpuTicks(asteriskPid(bed)) - asteriskCpuBefore) * 10; // USER_HZ = 100
            long jvmCpuMs = (jvmCpuNanos() - jvmCpuBefore) / 1_000_000;
            long doubled = seen.values().stream().filter(n -> n.get() > 1).count();
            int recorded = seen.size();
            Set<String> lost = new TreeSet<>(taken);
            lost.removeAll(seen.keySet());
            System.out.printf("SIPBENCH rate=%d/s seconds=%d calls=%d agents=%d sipp ok=%d failed=%d taken by asterisk=%d"
                            + " recorded=%d lost=%d %s doubled=%d answered=%d (%.1f%% of placed, %.1f%% of taken)"
                            + " answered<=15s=%d (%.1f%% of answered) avgWait=%.1fs elapsed=%.0fs outcomes=%s%n",
                    rate, seconds, calls, agents, sipOk, sipFailed, taken.size(), recorded, lost.size(),
                    lost.stream().limit(10).toList(), doubled, answered.get(), 100.0 * answered.get() / calls,
                    100.0 * answered.get() / Math.max(1, taken.size()), within15.get(),
                    100.0 * within15.get() / Math.max(1, answered.get()),
                    (double) waitSum.get() / Math.max(1, answered.get()), elapsed, outcomes);
            System.out.printf("SIPBENCH cpu: asterisk %d ms (%.1f ms/call), test JVM with the telephony verticle %d ms (%.1f ms/call)%n",
                    asteriskCpuMs, (double) asteriskCpuMs / calls, jvmCpuMs, (double) jvmCpuMs / calls);
            assertThat(lost).as("calls Asterisk took without a record").isEmpty();
            assertThat(doubled).isZero();
            assertThat(complete).as("a record for every call placed").isTrue();
            assertThat(answered.get()).as("answered of the calls placed").isGreaterThanOrEqualTo((int) Math.ceil(calls * 0.99));
        }
    }

    private static long asteriskPid(TelephonyTestBed bed) throws Exception {
        String name = bed.asterisk.instanceDir().getFileName().toString();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.startsWith("/usr/sbin/asterisk ") && cmdline.contains(name) && cmdline.contains(" -f")) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (java.io.IOException gone) {
                    // process ended while listing
                }
            }
        }
        throw new IllegalStateException("no asterisk process for " + name);
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
