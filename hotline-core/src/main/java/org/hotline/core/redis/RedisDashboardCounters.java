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
 * Cards are the inboxes' ({@link org.hotline.core.time.InboxCard}), counted in all and per scope
 * (deciding clock, inbox department). Every card ticket has a yellow time at or before its deadline (none: the deadline), so yellow cards
 * are "yellow time passed" minus "deadline passed": both change with the clock without any write.
 */
public final class RedisDashboardCounters implements DashboardCounters {

    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final Vertx vertx;
    private final RedisAsyncCommands<String, String> redis;
    private final RedisTicketKeys keys;
    private final LuaScript script;
    private final LuaScript cards;

    public RedisDashboardCounters(Vertx vertx, StatefulRedisConnection<String, String> connection, RedisTicketKeys keys) {
        this.vertx = vertx;
        this.redis = connection.async();
        this.keys = keys;
        this.script = LuaScript.fromResource("dashboard-read.lua", redis);
        this.cards = LuaScript.fromResource("dashboard-cards.lua", redis);
    }

    @Override
    public Future<Figures> read(Instant now, LocalDate today, int days) {
        List<String> scriptKeys = new ArrayList<>(List.of(keys.dashboard("open"), keys.dashboard("due"),
                keys.dashboard("yellow"), keys.dashboard("month:" + MONTH.format(today)), keys.dashboard("cards")));
        List<LocalDate> dayList = new ArrayList<>();
        for (int k = days - 1; k >= 0; k--) {
            LocalDate day = today.minusDays(k);
            dayList.add(day);
            scriptKeys.add(keys.dashboard("day:" + DAY.format(day)));
        }
        var stage = script.run(redis, scriptKeys.toArray(String[]::new), new String[] {Long.toString(now.toEpochMilli()), keys.dashboard("")});
        return LettuceBridge.toFuture(vertx, stage).map(reply -> figures(reply, dayList));
    }

    @Override
    public Future<List<CardTicket>> cardTickets(String scope, boolean red, Instant now, int limit) {
        String suffix = scope == null ? "" : ":" + scope;
        String[] scriptKeys = {keys.dashboard("due" + suffix), keys.dashboard("yellow" + suffix)};
        String[] args = {Long.toString(now.toEpochMilli()), red ? "red" : "yellow", Integer.toString(limit), keys.ticket("")};
        return LettuceBridge.toFuture(vertx, cards.run(redis, scriptKeys, args)).map(RedisDashboardCounters::cardTickets);
    }

    private static List<CardTicket> cardTickets(List<Object> flat) {
        List<CardTicket> out = new ArrayList<>();
        for (int k = 0; k + 3 < flat.size(); k += 4) {
            out.add(new CardTicket(String.valueOf(flat.get(k)), String.valueOf(flat.get(k + 1)),
                    Instant.ofEpochMilli(Long.parseLong(String.valueOf(flat.get(k + 2)))),
                    Instant.ofEpochMilli(Long.parseLong(String.valueOf(flat.get(k + 3))))));
        }
        return out;
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
            perDay.put(dayList.get(k), counts(reply.get(5 + k)));
        }
        Map<String, Cards> cardsByDepartment = new HashMap<>();
        Map<String, Cards> cardsByClock = new HashMap<>();
        List<?> scopes = (List<?>) reply.get(4);
        for (int k = 0; k + 2 < scopes.size(); k += 3) {
            String scope = String.valueOf(scopes.get(k));
            long scopeRed = (Long) scopes.get(k + 1);
            var cardsHere = new Cards((Long) scopes.get(k + 2) - scopeRed, scopeRed);
            (scope.startsWith("c:") ? cardsByClock : cardsByDepartment).put(scope.substring(2), cardsHere);
        }
        return new Figures(byStatus, byDepartment, yellow, red, perDay, counts(reply.get(3)), cardsByDepartment, cardsByClock);
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
