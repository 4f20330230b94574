package org.hotline.core.redis;

import com.sun.management.OperatingSystemMXBean;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU spent per transition by Redis (its own accounting of EVALSHA, and the server process' CPU
 * time) and by this JVM: figures that hold on a machine shared with other work, where wall-clock
 * throughput only shows the share of CPU the benchmark happened to get.
 */
final class RedisCosts {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;
    private final RedisCommands<String, String> redis;
    private final OperatingSystemMXBean jvm = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long redisPid;
    private double redisCpuAtReset;
    private long jvmCpuAtReset;

    RedisCosts(RedisCommands<String, String> redis) {
        this.redis = redis;
        this.redisPid = Long.parseLong(field(redis.info("server"), "process_id"));
    }

    void reset() {
        redis.configResetstat();
        redisCpuAtReset = redisCpuSeconds();
        jvmCpuAtReset = jvm.getProcessCpuTime();
    }

    /** Microseconds per transition since the last reset. */
    String per(long transitions) {
        String stats = redis.info("commandstats");
        String evalsha = stats.lines().filter(line -> line.startsWith("cmdstat_evalsha:")).findFirst().orElse("");
        double scriptUsec = evalsha.isEmpty() ? 0 : Double.parseDouble(evalsha.replaceAll(".*usec_per_call=([0-9.]+).*", "$1"));
        double redisUsec = (redisCpuSeconds() - redisCpuAtReset) * 1e6 / transitions;
        double jvmUsec = (jvm.getProcessCpuTime() - jvmCpuAtReset) / 1e3 / transitions;
        return String.format("per transition: script %.1f µs in Redis, Redis process CPU %.1f µs, client JVM CPU %.1f µs",
                scriptUsec, redisUsec, jvmUsec);
    }

    private double redisCpuSeconds() {
        try {
            String[] stat = Files.readString(Path.of("/proc", Long.toString(redisPid), "stat")).split(" ");
            return (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String field(String info, String name) {
        return info.lines().filter(line -> line.startsWith(name + ":")).findFirst()
                .map(line -> line.substring(name.length() + 1).trim())
                .orElseThrow(() -> new IllegalStateException("INFO has no " + name));
    }
}
