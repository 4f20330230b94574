package org.hotline.core.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.port.DashboardCounters;

/**
 * Reads the counters commit-ticket.lua keeps (keys: {@link RedisTicketKeys#dashboard}) in one
 * script call: O(statuses + departments + channels × days) whatever the number of tickets.
 * Every card ticket has a yellow time at or before its deadline (none: the deadline), so yellow cards
 * are "yellow time passed" minus "deadline passed": both change with the clock without any write.
 */
public final class RedisDashboardCounters implements DashboardCounters {

    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisTicketKeys keys;
    private final LuaScript script;

    public RedisDashboardCounters(Vertx vertx, StatefulRedisConnection<String, String> connection, RedisTicketKeys keys) {
        this.vertx = vertx;
        this.redis = connection.async();
        this.keys = keys;
        this.script = LuaScript.fromResource("dashboard-read.lua", redis);
    }

    @Override
    public Future<Figures> read(Instant now, LocalDate today, int days) {
        List<String> scriptKeys = new ArrayList<>(List.of(keys.dashboard("open"), keys.dashboard("due"),
                keys.dashboard("yellow"), keys.dashboard("month:" + MONTH.format(today))));
        List<LocalDate> dayList = new ArrayList<>();
        for (int k = days - 1; k >= 0; k--) {
            LocalDate day = today.minusDays(k);
            dayList.add(day);
            scriptKeys.add(keys.dashboard("day:" + DAY.format(day)));
        }
        var stage = script.run(redis, scriptKeys.toArray(String[]::new), new String[] {Long.toString(now.toEpochMilli())});
        return LettuceBridge.toFuture(vertx, stage).map(reply -> figures(reply, dayList));
    }

    private static Figures figures(List<Object> reply, List<LocalDate> dayList) {
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, Long> byDepartment = new HashMap<>();
        counts(reply.get(0)).forEach((field, count) -> {
            if (count != 0) {
                (field.startsWith("s:") ? byStatus : byDepartment).put(field.substring(2), count);
            }
        });
        long red = (Long) reply.get(1);
        long yellow = (Long) reply.get(2) - red;
        Map<LocalDate, Map<String, Long>> perDay = new LinkedHashMap<>();
        for (int k = 0; k < dayList.size(); k++) {
            perDay.put(dayList.get(k), counts(reply.get(4 + k)));
        }
        return new Figures(byStatus, byDepartment, yellow, red, perDay, counts(reply.get(3)));
    }

    /** A HGETALL reply (field, value, field, value...) as counts. */
    private static Map<String, Long> counts(Object flat) {
        List<?> list = (List<?>) flat;
        Map<String, Long> out = new HashMap<>();
        for (int k = 0; k + 1 < list.size(); k += 2) {
            out.put(String.valueOf(list.get(k)), Long.parseLong(String.valueOf(list.get(k + 1))));
        }
        return out;
    }
}
