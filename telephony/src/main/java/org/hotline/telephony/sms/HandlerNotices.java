package org.hotline.telephony.sms;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.model.TicketId;
import org.hotline.core.port.SlaAlarms;

/**
 * Deadline notices and urges to the handling unit's duty phone. The SLA alarms arrive on the event bus
 * ({@value #SLA_ALARM_ADDRESS}) at the time the duty calendar allows (the SLA scheduler defers an alarm
 * fired off duty to the next duty start), so this class only turns them into texts; an urge is sent
 * when it is recorded. The bus publishes to every node: a {@code SET NX} marker per alarm sends it once.
 */
public final class HandlerNotices {

    /** The SLA scheduler's address (dispatch, {@code SlaScheduler.ADDRESS}): {ticketId, clock, level, dueEpochMs, member}. */
    public static final String SLA_ALARM_ADDRESS = "hotline.sla.alarm";
    static final String SENT_MARKER = "hotline:sms:handler-notice:";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日HH:mm");

    private final Context context;
    private final RedisAsyncCommands<String, String> redis;
    private final TicketOperations tickets;
    private final SmsChannel channel;
    private final DutyPhones phones;
    private final ZoneId zone;

    public HandlerNotices(Context context, RedisAsyncCommands<String, String> redis, TicketOperations tickets, SmsChannel channel,
                          DutyPhones phones, ZoneId zone) {
        this.context = context;
        this.redis = redis;
        this.tickets = tickets;
        this.channel = channel;
        this.phones = phones;
        this.zone = zone;
    }

    /**
     * A yellow or red alarm: to the lead unit's duty phone, or to the assisting unit's when it is that
     * unit's own clock (协办, clock {@code {clock}@{unit}}), once per alarm across nodes.
     */
    public Future<Void> alarm(JsonObject alarm) {
        String unit = SlaAlarms.assistingUnitOf(alarm.getString("clock", "")).orElse(null);
        String purpose = "RED".equals(alarm.getString("level")) ? SmsTemplates.HANDLER_RED : SmsTemplates.HANDLER_YELLOW;
        String due = DUE.format(Instant.ofEpochMilli(alarm.getLong("dueEpochMs", 0L)).atZone(zone));
        return Future.fromCompletionStage(redis.set(SENT_MARKER + alarm.getString("member"), "1",
                        SetArgs.Builder.nx().ex(Duration.ofDays(7).toSeconds())), context)
                .compose(ok -> !"OK".equals(ok) ? Future.succeededFuture()
                        : toUnit(alarm.getString("ticketId"), unit, purpose, Map.of("dueAt", due)));
    }

    /** An urge recorded on the ticket: its opinion goes to the lead unit's duty phone. */
    public Future<Void> urged(String ticketId, String reason) {
        return toLead(ticketId, SmsTemplates.HANDLER_URGE, Map.of("reason", reason == null ? "" : reason));
    }

    private Future<Void> toLead(String ticketId, String purpose, Map<String, String> values) {
        return toUnit(ticketId, null, purpose, values);
    }

    /** {@code unit}: the assisting unit the text is for; null for the ticket's lead unit. */
    private Future<Void> toUnit(String ticketId, String unit, String purpose, Map<String, String> values) {
        return tickets.findById(new TicketId(ticketId)).compose(found -> {
            Optional<String> phone = found.map(t -> unit != null ? unit : t.leadDepartment()).flatMap(phones::mobileOf);
            if (phone.isEmpty()) {
                return Future.succeededFuture();
            }
            Map<String, String> all = new java.util.HashMap<>(values);
            all.put("number", found.get().number().value());
            return channel.toHandler(ticketId, phone.get(), purpose, all);
        });
    }
}
