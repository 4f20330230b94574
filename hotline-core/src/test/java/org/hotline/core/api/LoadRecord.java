package org.hotline.core.api;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The latencies of one load phase of {@link IntakeLoad}, each with its start (or scheduled) time, so a
 * report can say not only how many requests were slow but when: a cluster in the first second is
 * warm-up, one slow request per second looks like a periodic task (fsync, GC), a spread is queueing.
 */
final class LoadRecord {

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final long started = System.nanoTime();
    private final long cpuStarted = OS.getProcessCpuTime();
    private volatile long cpuUsed;
    private volatile long unfinished;
    private final long[] latencies;
    private final long[] starts;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long finished;

    LoadRecord(int capacity) {
        this.latencies = new long[capacity];
        this.starts = new long[capacity];
    }

    long started() {
        return started;
    }

    void add(boolean ok, long startNanos) {
        if (!ok) {
            failures.incrementAndGet();
            return;
        }
        int i = count.getAndIncrement();
        if (i < latencies.length) {
            latencies[i] = System.nanoTime() - startNanos;
            starts[i] = startNanos - started;
        }
    }

    LoadRecord finish() {
        finished = System.nanoTime();
        cpuUsed = OS.getProcessCpuTime() - cpuStarted;
        return this;
    }

    /** Requests still without an answer when the phase stopped waiting (reported, not in the percentiles). */
    void unfinished(long requests) {
        this.unfinished = requests;
    }

    String summary(String label) {
        int n = Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        double elapsed = (finished - started) / 1e9;
        return String.format("%s accepted=%d failed=%d unfinished=%d seconds=%.1f accepted/s=%.0f p50=%.1fms p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms generatorCpuMs/request=%.3f",
            label, count.get(), failures.get(), unfinished, elapsed, count.get() / elapsed, pct(sorted, 0.50), pct(sorted, 0.90),
            pct(sorted, 0.99), pct(sorted, 0.999), n == 0 ? 0 : sorted[n - 1] / 1e6,
            cpuUsed / 1e6 / Math.max(1, count.get() + failures.get()));
    }

    /** Requests slower than the threshold, counted per second of the phase in which they started. */
    String slowTimeline(long thresholdMs) {
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        int n = Math.min(count.get(), latencies.length);
        for (int i = 0; i < n; i++) {
            if (latencies[i] > thresholdMs * 1_000_000L) {
                perSecond.merge(starts[i] / 1_000_000_000L, 1, Integer::sum);
            }
        }
        return "slower than " + thresholdMs + " ms, by second of start: " + (perSecond.isEmpty() ? "none" : perSecond);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
