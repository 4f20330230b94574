package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcut may only ever say "valid" where vertx-json-schema says so too: checked on every body
 * schema of the served document with valid instances and many broken variants of them.
 */
class SchemaShortcutTest {

    private static final String BASE = "https://hotline.invalid/";
    private static final JsonObject DOCUMENT = new JsonObject(new String(ApiRoutes.readResource(ApiRoutes.OPENAPI_RESOURCE),
        java.nio.charset.StandardCharsets.UTF_8));

    @Test
    void aWebAppealIsAcceptedWithoutTheFullValidator() {
        SchemaShortcut.Check check = SchemaShortcut.compile(DOCUMENT, new JsonObject().put("$ref", "#/components/schemas/AppealRequest"))
            .orElseThrow();

        assertThat(check.certainlyValid(new JsonObject().put("title", "路灯不亮").put("content", "人民路路灯夜间不亮")
            .put("appealType", "COMPLAINT").put("phone", "13900000001").put("name", "张三"))).isTrue();
        assertThat(check.certainlyValid(new JsonObject().put("title", "路灯不亮").put("content", "人民路路灯夜间不亮")
            .put("appealType", "COMPLAINT"))).as("phone is required").isFalse();
        assertThat(check.certainlyValid(new JsonObject().put("title", "").put("content", "x")
            .put("appealType", "COMPLAINT").put("phone", "1"))).as("empty title").isFalse();
    }

    @Test
    void aSchemaWithAKeywordItDoesNotCompileGetsNoShortcut() {
        JsonObject withPattern = new JsonObject().put("type", "string").put("pattern", "^[0-9]+$");

        assertThat(SchemaShortcut.compile(DOCUMENT, withPattern)).isEmpty();
        assertThat(SchemaShortcut.compile(DOCUMENT, new JsonObject().put("$ref", "#/components/schemas/NoSuchSchema"))).isEmpty();
    }

    @Test
    void neverAcceptsWhatTheFullValidatorRefuses() {
        JsonSchemaOptions options = new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE).setOutputFormat(OutputFormat.Basic);
        SchemaRepository repository = SchemaRepository.create(options);
        repository.dereference(BASE + "openapi.json", JsonSchema.of(DOCUMENT.copy()));
        Random random = new Random(12345);
        int compiled = 0;
        int compared = 0;
        for (String pointer : schemaPointers()) {
            JsonObject schema = (JsonObject) resolve(pointer);
            Optional<SchemaShortcut.Check> shortcut = SchemaShortcut.compile(DOCUMENT, schema);
            if (shortcut.isEmpty()) {
                continue;
            }
            compiled++;
            Validator full = repository.validator(JsonSchema.of(new JsonObject().put("$ref", BASE + "openapi.json" + pointer)), options);
            for (int round = 0; round < 300; round++) {
                Object instance = mutate(example(schema, random, 0), random);
                if (shortcut.get().certainlyValid(instance)) {
                    compared++;
                    assertThat(full.validate(instance).getValid()).as("%s accepted by the shortcut: %s", pointer, instance).isTrue();
                }
            }
        }
        assertThat(compiled).as("schemas with a shortcut").isGreaterThan(30);
        assertThat(compared).as("instances the shortcut accepted").isGreaterThan(3000);
    }

    /** Every component schema and every request body schema written inline in an operation. */
    private static List<String> schemaPointers() {
        List<String> pointers = new ArrayList<>();
        DOCUMENT.getJsonObject("components").getJsonObject("schemas").fieldNames()
            .forEach(name -> pointers.add("#/components/schemas/" + name));
        JsonObject paths = DOCUMENT.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                String body = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method
                    + "/requestBody/content/application~1json/schema";
                if (resolve(body) instanceof JsonObject schema && !schema.containsKey("$ref")) {
                    pointers.add(body.replace("{", "%7B").replace("}", "%7D"));
                }
            }
        }
        return pointers;
    }

    private static Object resolve(String pointer) {
        Object node = DOCUMENT;
        for (String segment : pointer.replace("%7B", "{").replace("%7D", "}").substring(2).split("/")) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!(node instanceof JsonObject object) || !object.containsKey(name)) {
                return null;
            }
            node = object.getValue(name);
        }
        return node;
    }

    /** An instance the schema should accept (roughly: lengths and ranges inside their bounds). */
    private static Object example(JsonObject schema, Random random, int depth) {
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            return example(DOCUMENT.getJsonObject("components").getJsonObject("schemas").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)),
                random, depth + 1);
        }
        if (schema.containsKey("enum")) {
            JsonArray values = schema.getJsonArray("enum");
            return values.getValue(random.nextInt(values.size()));
        }
        String type = schema.getString("type", "string");
        return switch (type) {
            case "object" -> {
                JsonObject object = new JsonObject();
                JsonObject properties = schema.getJsonObject("properties", new JsonObject());
                List<Object> required = schema.getJsonArray("required", new JsonArray()).getList();
                for (String property : properties.fieldNames()) {
                    if (depth < 4 && (required.contains(property) || random.nextBoolean())) {
                        object.put(property, example(properties.getJsonObject(property), random, depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                JsonArray array = new JsonArray();
                int size = schema.getInteger("minItems", 0) + random.nextInt(3);
                for (int i = 0; i < size && schema.containsKey("items"); i++) {
                    array.add(example(schema.getJsonObject("items"), random, depth + 1));
                }
                yield array;
            }
            case "integer" -> (long) schema.getInteger("minimum", 0) + random.nextInt(3);
            case "number" -> random.nextDouble() * 10;
            case "boolean" -> random.nextBoolean();
            default -> text(Math.max(schema.getInteger("minLength", 0), 1 + random.nextInt(Math.min(8, schema.getInteger("maxLength", 8)))),
                random);
        };
    }

    /** Breaks the instance in one of the ways clients do, or leaves it alone. */
    private static Object mutate(Object instance, Random random) {
        if (!(instance instanceof JsonObject object) || object.isEmpty() || random.nextInt(4) == 0) {
            return instance;
        }
        List<String> names = new ArrayList<>(object.fieldNames());
        String name = names.get(random.nextInt(names.size()));
        JsonObject copy = object.copy();
        switch (random.nextInt(9)) {
            case 0 -> copy.remove(name);
            case 1 -> copy.put("unexpected", "x");
            case 2 -> copy.put(name, 12);
            case 3 -> copy.put(name, 1.5);
            case 4 -> copy.put(name, text(5000, random));
            case 5 -> copy.put(name, "");
            case 6 -> copy.put(name, "🚨".repeat(40 + random.nextInt(40)));
            case 7 -> copy.put(name, new JsonArray().add((Object) null).add(new JsonObject()));
            default -> copy.put(name, mutate(copy.getValue(name), random));
        }
        return copy;
    }

    private static String text(int length, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextBoolean() ? (char) ('a' + random.nextInt(26)) : (char) ('一' + random.nextInt(500)));
        }
        return text.toString();
    }
}
