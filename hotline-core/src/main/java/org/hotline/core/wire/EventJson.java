package org.hotline.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.TicketEvent;
import org.hotline.core.model.TicketId;
import org.hotline.core.time.TimeLimit;

/**
 * Event JSON for the stream's {@code event} field, schema {@code event.v1}: {@code type}, {@code at},
 * {@code actor} {userId, role, departmentId, displayName}, {@code reason}, then the event's own
 * details under their record names. Written generically from the record components so a new
 * event type cannot be forgotten here.
 */
public final class EventJson {

    public static final String SCHEMA = "event.v1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    public static String toJson(TicketEvent event) {
        try {
            return WireJson.mapper().writeValueAsString(toNode(event));
        } catch (JsonProcessingException e) {
            throw HotlineException.from(e);
        }
    }

    public static ObjectNode toNode(TicketEvent event) {
        ObjectNode node = NODES.objectNode();
        node.put("schema", SCHEMA);
        node.put("type", event.type());
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            put(node, component.getName(), read(component, event));
        }
        return node;
    }

    private static Object read(RecordComponent component, TicketEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + event.type(), e);
        }
    }

    private static void put(ObjectNode node, String name, Object value) {
        if (value == null) {
            node.putNull(name);
        } else if (value instanceof Actor a) {
            ObjectNode actor = node.putObject(name);
            actor.put("userId", a.userId()).put("role", a.role().name()).put("departmentId", a.departmentId())
                    .put("displayName", a.displayName());
        } else if (value instanceof Instant i) {
            node.put(name, i.toString());
        } else if (value instanceof TimeLimit l) {
            node.put(name, l.code());
        } else if (value instanceof TicketId id) {
            node.put(name, id.value());
        } else if (value instanceof Enum<?> e) {
            node.put(name, e.name());
        } else if (value instanceof Boolean b) {
            node.put(name, b);
        } else if (value instanceof Integer n) {
            node.put(name, n);
        } else if (value instanceof Collection<?> items) {
            items.stream().map(String::valueOf).collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                    .forEach(node.putArray(name)::add);
        } else {
            node.put(name, value.toString());
        }
    }
}
