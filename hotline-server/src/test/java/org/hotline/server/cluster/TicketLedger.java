package org.hotline.server.cluster;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.stream.RedisKeys;

/** What Redis, the system of record, says happened: the ticket event stream read from start to end. */
public record TicketLedger(Map<String, List<String>> idsByNumber, Map<String, Integer> eventsByTicketAndType,
                    Map<String, Integer> slaWarningsByTicketAndClock, Map<String, Integer> ticketsByPhone) {

    public static TicketLedger read(RedisCommands<String, String> redis) {
        Map<String, List<String>> ids = new HashMap<>();
        Map<String, Integer> events = new HashMap<>();
        Map<String, Integer> warnings = new HashMap<>();
        Map<String, Integer> phones = new HashMap<>();
        for (StreamMessage<String, String> entry : redis.xrange(RedisKeys.TICKET_EVENTS, Range.create("-", "+"))) {
            Map<String, String> body = entry.getBody();
            String ticketId = body.get("ticketId");
            String type = body.get("type");
            if ("TicketReceived".equals(type)) {
                ids.computeIfAbsent(body.get("number"), n -> new java.util.ArrayList<>()).add(ticketId);
                phones.merge(new JsonObject(body.get("ticket")).getJsonObject("caller").getString("phone"), 1, Integer::sum);
            }
            events.merge(ticketId + "|" + type, 1, Integer::sum);
            if ("SlaWarningRecorded".equals(type)) {
                warnings.merge(ticketId + "|" + new JsonObject(body.get("event")).getString("clock"), 1, Integer::sum);
            }
        }
        return new TicketLedger(ids, events, warnings, phones);
    }

    String idOf(String number) {
        return idsByNumber.get(number).get(0);
    }

    int count(String ticketId, String type) {
        return eventsByTicketAndType.getOrDefault(ticketId + "|" + type, 0);
    }
}
