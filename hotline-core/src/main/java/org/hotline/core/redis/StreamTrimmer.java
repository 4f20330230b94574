package org.hotline.core.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Trims a stream once every consumer group has acknowledged its entries (trim-acknowledged.lua, one
 * atomic script): below each group's oldest pending entry and its last delivered one, and only
 * entries older than {@code grace}, so a group created a little later with "from the start" still
 * finds what was written just before it. Every group may run it; the script is idempotent.
 */
public final class StreamTrimmer {

    private final RedisAsyncCommands<String, String> redis;
    private final LuaScript script;
    private final Duration grace;

    public StreamTrimmer(RedisAsyncCommands<String, String> redis, Duration grace) {
        this.redis = redis;
        this.script = LuaScript.fromResource("trim-acknowledged.lua", redis);
        this.grace = grace;
    }

    /** The number of entries trimmed from {@code stream}. */
    public CompletionStage<Long> trim(String stream, Instant now) {
        String floor = Math.max(0, now.minus(grace).toEpochMilli()) + "-0";
        return script.run(redis, new String[] {stream}, new String[] {floor}).thenApply(StreamTrimmer::count);
    }

    private static long count(List<Object> reply) {
        return reply.isEmpty() ? 0 : (Long) reply.get(0);
    }
}
