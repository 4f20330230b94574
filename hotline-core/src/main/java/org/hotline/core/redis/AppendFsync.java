package org.hotline.core.redis;

import java.util.Locale;

/**
 * How often Redis flushes its append-only file to disk, i.e. how much acknowledged work a crash of
 * the machine (not only of the Redis process) may lose. The store itself cannot choose this: it is
 * a server setting, applied by whoever starts Redis ({@code --appendonly yes --appendfsync <value>})
 * or by an operator on an external server.
 */
public enum AppendFsync {
    /**
     * The default. Redis fsyncs once per second: a power cut may lose up to about one second of
     * acknowledged transitions; a crash of the Redis process alone loses nothing (the data is in
     * the kernel's page cache). Costs almost nothing in throughput.
     */
    EVERYSEC,
    /**
     * Redis fsyncs before it acknowledges each write, so an acknowledged transition survives any
     * crash. Each commit then waits for the disk: throughput is bounded by fsync latency.
     */
    ALWAYS;

    /** The value of Redis' {@code appendfsync} directive. */
    public String redisValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code everysec} / {@code always} (any case), as written in configuration files. */
    public static AppendFsync parse(String text) {
        for (AppendFsync value : values()) {
            if (value.redisValue().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("appendfsync must be everysec or always, was " + text);
    }
}
