package org.hotline.server.metrics;

import io.lettuce.core.metrics.CommandLatencyCollector;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.metrics.CommandMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency of every Redis command the server sends, per command type, from Lettuce's own latency
 * collector (active because LatencyUtils and HdrHistogram are on the class path). Each sample
 * takes what the collector gathered since the previous one (the collector resets on read), so the
 * gauges show p50, p99 and max of the last interval and the counter adds up the commands.
 */
final class RedisCommandMetrics {

    private static final double SECONDS_PER_NANO = 1e-9;

    private final MeterRegistry registry;
    private final CommandLatencyRecorder recorder;
    private final Map<String, double[]> latest = new ConcurrentHashMap<>();

    RedisCommandMetrics(MeterRegistry registry, CommandLatencyRecorder recorder) {
        this.registry = registry;
        this.recorder = recorder;
    }

    boolean available() {
        return recorder instanceof CommandLatencyCollector collector && collector.isEnabled();
    }

    /** Blocking-free: the collector's histograms live in memory. */
    void sample() {
        if (!(recorder instanceof CommandLatencyCollector collector) || !collector.isEnabled()) {
            return;
        }
        Map<String, double[]> interval = new ConcurrentHashMap<>();
        collector.retrieveMetrics().forEach((id, metrics) -> interval.merge(id.commandType().toString(), values(metrics),
                RedisCommandMetrics::combine));
        interval.forEach(this::publish);
    }

    /** [count, p50, p99, max] in seconds; percentiles of several connections are combined by their maximum. */
    private static double[] values(CommandMetrics metrics) {
        double toSeconds = metrics.getTimeUnit().toNanos(1) * SECONDS_PER_NANO;
        Map<Double, Long> percentiles = metrics.getCompletion().getPercentiles();
        return new double[] {metrics.getCount(), percentiles.getOrDefault(50.0, 0L) * toSeconds,
                percentiles.getOrDefault(99.0, 0L) * toSeconds, metrics.getCompletion().getMax() * toSeconds};
    }

    private static double[] combine(double[] a, double[] b) {
        return new double[] {a[0] + b[0], Math.max(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
    }

    private void publish(String command, double[] values) {
        double[] shown = latest.computeIfAbsent(command, this::register);
        System.arraycopy(values, 1, shown, 0, 3);
        Counter.builder("hotline.redis.commands").tag("command", command)
                .description("Redis commands completed").register(registry).increment(values[0]);
    }

    private double[] register(String command) {
        double[] shown = new double[3];
        String[] stats = {"p50", "p99", "max"};
        for (int i = 0; i < stats.length; i++) {
            int index = i;
            Gauge.builder("hotline.redis.command.latency", shown, s -> s[index]).baseUnit("seconds")
                    .tag("command", command).tag("stat", stats[i])
                    .description("Redis command latency over the last sampling interval").register(registry);
        }
        return shown;
    }
}
