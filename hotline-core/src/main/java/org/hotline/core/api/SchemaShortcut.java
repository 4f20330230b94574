package org.hotline.core.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled yes-only form of a request schema: {@link Check#certainlyValid} answers true only for a
 * value the schema certainly accepts, and false for anything else, which then goes to the full
 * vertx-json-schema validator for the verdict and the message. vertx-json-schema spent about 30 µs
 * on a web appeal (a quarter of intake's server CPU); this takes about one.
 *
 * <p>Only a small set of keywords is compiled; a schema using any other keyword (pattern, format,
 * allOf, ...) gets no shortcut at all, so it cannot say "valid" about something it does not check.
 * Where the two readings of the standard differ (string length in code points or UTF-16 units,
 * 1.0 as an integer) it takes the stricter one.
 */
final class SchemaShortcut {

    /** Annotations: no effect on validity. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "examples", "default", "deprecated", "$comment");
    private static final Set<String> COMPILED = Set.of("$ref", "type", "properties", "required", "additionalProperties",
        "minLength", "maxLength", "enum", "items", "minItems", "maxItems", "minimum", "maximum");
    /** Beyond this magnitude a long compared as a double may round: left to the full validator. */
    private static final long EXACT_DOUBLE = 1L << 53;

    /** Answers whether a value is certainly valid; false means "ask the full validator". */
    @FunctionalInterface
    interface Check {
        boolean certainlyValid(Object value);
    }

    private final JsonObject document;
    private final Map<String, Check[]> refs = new HashMap<>();

    private SchemaShortcut(JsonObject document) {
        this.document = document;
    }

    /** The shortcut for a schema of the document ($refs are {@code #/...} pointers into it), or empty. */
    static Optional<Check> compile(JsonObject document, Object schema) {
        try {
            return Optional.of(new SchemaShortcut(document).schema(schema));
        } catch (Unsupported unsupported) {
            return Optional.empty();
        }
    }

    private Check schema(Object node) {
        if (Boolean.TRUE.equals(node)) {
            return value -> true;
        }
        if (!(node instanceof JsonObject schema)) {
            throw new Unsupported();
        }
        List<Check> checks = new ArrayList<>();
        for (String keyword : schema.fieldNames()) {
            if (!ANNOTATIONS.contains(keyword) && !COMPILED.contains(keyword)) {
                throw new Unsupported();
            }
        }
        if (schema.containsKey("$ref")) {
            checks.add(ref(schema.getValue("$ref")));
        }
        if (schema.containsKey("type")) {
            checks.add(type(schema.getValue("type")));
        }
        if (schema.containsKey("enum")) {
            checks.add(enumeration(schema.getValue("enum")));
        }
        strings(schema, checks);
        numbers(schema, checks);
        arrays(schema, checks);
        objects(schema, checks);
        Check[] all = checks.toArray(Check[]::new);
        return value -> {
            for (Check check : all) {
                if (!check.certainlyValid(value)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** A reference is compiled once; the holder lets a schema refer to itself. */
    private Check ref(Object ref) {
        if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
            throw new Unsupported();
        }
        Check[] holder = refs.get(pointer);
        if (holder == null) {
            holder = new Check[1];
            refs.put(pointer, holder);
            holder[0] = schema(resolve(pointer));
        }
        Check[] target = holder;
        return value -> target[0] != null && target[0].certainlyValid(value);
    }

    private Object resolve(String pointer) {
        Object node = document;
        for (String segment : pointer.substring(2).split("/")) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!(node instanceof JsonObject object) || !object.containsKey(name)) {
                throw new Unsupported();
            }
            node = object.getValue(name);
        }
        return node;
    }

    private static Check type(Object type) {
        if (!(type instanceof String name)) {
            throw new Unsupported();
        }
        return switch (name) {
            case "string" -> value -> value instanceof String;
            case "boolean" -> value -> value instanceof Boolean;
            case "object" -> value -> value instanceof JsonObject;
            case "array" -> value -> value instanceof JsonArray;
            case "integer" -> SchemaShortcut::isExactInteger;
            case "number" -> value -> isExactInteger(value) || value instanceof Double d && Double.isFinite(d);
            case "null" -> value -> value == null;
            default -> throw new Unsupported();
        };
    }

    private static Check enumeration(Object values) {
        if (!(values instanceof JsonArray array) || array.isEmpty()) {
            throw new Unsupported();
        }
        Set<String> allowed = new HashSet<>();
        for (Object value : array) {
            if (!(value instanceof String text)) {
                throw new Unsupported();
            }
            allowed.add(text);
        }
        return value -> value instanceof String text && allowed.contains(text);
    }

    /** Length limits apply to strings only; other types pass them, as the standard says. */
    private static void strings(JsonObject schema, List<Check> checks) {
        if (schema.containsKey("minLength")) {
            long min = bound(schema.getValue("minLength"));
            // code points never outnumber UTF-16 units: enough code points satisfies both readings
            checks.add(value -> !(value instanceof String text) || text.codePointCount(0, text.length()) >= min);
        }
        if (schema.containsKey("maxLength")) {
            long max = bound(schema.getValue("maxLength"));
            checks.add(value -> !(value instanceof String text) || text.length() <= max);
        }
    }

    private static void numbers(JsonObject schema, List<Check> checks) {
        if (schema.containsKey("minimum")) {
            long min = bound(schema.getValue("minimum"));
            checks.add(value -> !(value instanceof Number) || isExactInteger(value) && ((Number) value).longValue() >= min);
        }
        if (schema.containsKey("maximum")) {
            long max = bound(schema.getValue("maximum"));
            checks.add(value -> !(value instanceof Number) || isExactInteger(value) && ((Number) value).longValue() <= max);
        }
    }

    private void arrays(JsonObject schema, List<Check> checks) {
        if (schema.containsKey("minItems")) {
            long min = bound(schema.getValue("minItems"));
            checks.add(value -> !(value instanceof JsonArray array) || array.size() >= min);
        }
        if (schema.containsKey("maxItems")) {
            long max = bound(schema.getValue("maxItems"));
            checks.add(value -> !(value instanceof JsonArray array) || array.size() <= max);
        }
        if (schema.containsKey("items")) {
            Check items = schema(schema.getValue("items"));
            checks.add(value -> !(value instanceof JsonArray array) || everyItem(array, items));
        }
    }

    private static boolean everyItem(JsonArray array, Check items) {
        for (int i = 0; i < array.size(); i++) {
            // getValue wraps nested maps and lists the way the validator sees them
            if (!items.certainlyValid(array.getValue(i))) {
                return false;
            }
        }
        return true;
    }

    private void objects(JsonObject schema, List<Check> checks) {
        Map<String, Check> properties = new HashMap<>();
        if (schema.containsKey("properties")) {
            if (!(schema.getValue("properties") instanceof JsonObject declared)) {
                throw new Unsupported();
            }
            for (String name : declared.fieldNames()) {
                properties.put(name, schema(declared.getValue(name)));
            }
        }
        List<String> required = new ArrayList<>();
        if (schema.containsKey("required")) {
            if (!(schema.getValue("required") instanceof JsonArray names)) {
                throw new Unsupported();
            }
            names.forEach(name -> required.add(String.valueOf(name)));
        }
        Check others = additional(schema);
        if (properties.isEmpty() && required.isEmpty() && others == null) {
            return;
        }
        checks.add(value -> !(value instanceof JsonObject object) || object(object, properties, required, others));
    }

    /** null when any further property is allowed. */
    private Check additional(JsonObject schema) {
        Object additional = schema.getValue("additionalProperties");
        if (additional == null || Boolean.TRUE.equals(additional)) {
            return null;
        }
        return Boolean.FALSE.equals(additional) ? value -> false : schema(additional);
    }

    private static boolean object(JsonObject object, Map<String, Check> properties, List<String> required, Check others) {
        for (String name : required) {
            if (!object.containsKey(name)) {
                return false;
            }
        }
        for (String name : object.fieldNames()) {
            Check check = properties.get(name);
            if (check == null) {
                check = others;
            }
            if (check != null && !check.certainlyValid(object.getValue(name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExactInteger(Object value) {
        return (value instanceof Integer || value instanceof Long) && Math.abs(((Number) value).longValue()) < EXACT_DOUBLE;
    }

    private static long bound(Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new Unsupported();
        }
        return ((Number) value).longValue();
    }

    /** A keyword or form the shortcut does not compile: the schema then has none. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
