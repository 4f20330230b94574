package org.hotline.core.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Writes Open311 answers as XML: the JSON shape of each answer, with arrays named by their plural
 * element and items by the singular (as the GeoReport v2 examples do). Text is escaped, so what a
 * citizen typed (markup included) stays text.
 */
final class Open311Xml {

    private static final Map<String, String> ITEMS = Map.of(
        "services", "service",
        "service_requests", "request",
        "errors", "error",
        "attributes", "attribute",
        "values", "value",
        "notes", "note",
        "endpoints", "endpoint",
        "formats", "format");

    private Open311Xml() {
    }

    /** A top-level list, e.g. {@code <services><service>...</service></services>}. */
    static String list(String root, JsonArray items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        array(xml, root, items);
        return xml.toString();
    }

    /** A top-level object, e.g. {@code <service_definition>...</service_definition>}. */
    static String object(String root, JsonObject value) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        object(xml, root, value);
        return xml.toString();
    }

    private static void array(StringBuilder xml, String name, JsonArray items) {
        String item = ITEMS.getOrDefault(name, "item");
        xml.append('<').append(name).append('>');
        for (Object value : items) {
            element(xml, item, value);
        }
        xml.append("</").append(name).append('>');
    }

    private static void object(StringBuilder xml, String name, JsonObject value) {
        xml.append('<').append(name).append('>');
        value.forEach(field -> element(xml, field.getKey(), field.getValue()));
        xml.append("</").append(name).append('>');
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value instanceof JsonObject nested) {
            object(xml, name, nested);
        } else if (value instanceof JsonArray nested) {
            array(xml, name, nested);
        } else if (value == null) {
            xml.append('<').append(name).append("/>");
        } else {
            xml.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name).append('>');
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped rather than breaking the document
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
