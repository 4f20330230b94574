package org.hotline.core.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One served OpenAPI document from the service API's own document and the fragments the other
 * modules ship next to their routes ({@code openapi-fragment.json}: {@code paths} and
 * {@code components.schemas} only). Each module documents the routes it mounts, so its fragment
 * changes with its code; the merge refuses at start, naming both sides, a path and method
 * documented twice, a schema name used twice, or a {@code $ref} that points nowhere, because a
 * served document with any of those would silently describe one of the two wrongly.
 */
public final class OpenApiFragments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Set<String> FRAGMENT_KEYS = Set.of("openapi", "paths", "components");
    private static final String BASE_NAME = "the base document";

    private OpenApiFragments() {
    }

    /** Merges the classpath resources: the base document first, then each fragment in order. */
    public static JsonObject fromClasspath(String baseResource, List<String> fragmentResources) {
        Map<String, JsonObject> fragments = new LinkedHashMap<>();
        for (String resource : fragmentResources) {
            fragments.put(resource, load(resource));
        }
        return merge(load(baseResource), fragments);
    }

    /**
     * A new document: the base with every fragment's paths and schemas added (neither argument is
     * changed). Fragments are named (e.g. by their resource) so a clash says where both sides live.
     *
     * @throws IllegalStateException on a clash, a dangling reference or a fragment of another shape
     */
    public static JsonObject merge(JsonObject base, Map<String, JsonObject> fragments) {
        JsonObject merged = base.copy();
        JsonObject paths = child(merged, "paths");
        JsonObject schemas = child(child(merged, "components"), "schemas");
        Map<String, String> operationOwners = new HashMap<>();
        Map<String, String> schemaOwners = new HashMap<>();
        record(paths, BASE_NAME, operationOwners);
        schemas.fieldNames().forEach(name -> schemaOwners.put(name, BASE_NAME));
        fragments.forEach((name, fragment) -> {
            checkShape(name, fragment);
            JsonObject fragmentPaths = fragment.getJsonObject("paths", new JsonObject());
            record(fragmentPaths, name, operationOwners);
            addPaths(paths, fragmentPaths.copy());
            addSchemas(schemas, name, schemaOwners, fragment);
        });
        List<String> dangling = new ArrayList<>();
        collectDangling(merged, merged, "#", dangling);
        if (!dangling.isEmpty()) {
            throw new IllegalStateException("openapi document has references that point nowhere: " + dangling);
        }
        return merged;
    }

    private static void checkShape(String name, JsonObject fragment) {
        for (String key : fragment.fieldNames()) {
            if (!FRAGMENT_KEYS.contains(key)) {
                throw new IllegalStateException("openapi fragment " + name + " may hold only paths and components.schemas, not " + key);
            }
        }
        JsonObject components = fragment.getJsonObject("components", new JsonObject());
        for (String key : components.fieldNames()) {
            if (!"schemas".equals(key)) {
                throw new IllegalStateException("openapi fragment " + name + " may hold only components.schemas, not components." + key);
            }
        }
    }

    /**
     * Remembers who documents each operation; {@code /a/{id}} and {@code /a/{code}} are the same
     * route to a router, so parameter names do not tell two operations apart.
     */
    private static void record(JsonObject paths, String owner, Map<String, String> owners) {
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String key = method.toUpperCase() + " " + path.replaceAll("\\{[^}/]*}", "{}");
                String first = owners.putIfAbsent(key, owner);
                if (first != null) {
                    throw new IllegalStateException("openapi: " + method.toUpperCase() + " " + path + " is documented twice, by "
                            + first + " and by " + owner);
                }
            }
        }
    }

    /** Adds the operations; a path both sides document keeps the base's path-level fields and gains the methods. */
    private static void addPaths(JsonObject paths, JsonObject fragmentPaths) {
        for (String path : fragmentPaths.fieldNames()) {
            JsonObject item = fragmentPaths.getJsonObject(path);
            JsonObject existing = paths.getJsonObject(path);
            if (existing == null) {
                paths.put(path, item);
            } else {
                item.forEach(entry -> existing.getMap().putIfAbsent(entry.getKey(), entry.getValue()));
            }
        }
    }

    private static void addSchemas(JsonObject schemas, String name, Map<String, String> owners, JsonObject fragment) {
        JsonObject fragmentSchemas = fragment.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        for (String schema : fragmentSchemas.fieldNames()) {
            String first = owners.putIfAbsent(schema, name);
            if (first != null) {
                throw new IllegalStateException("openapi: schema " + schema + " is defined twice, by " + first + " and by " + name);
            }
            schemas.put(schema, fragmentSchemas.getJsonObject(schema).copy());
        }
    }

    private static void collectDangling(JsonObject document, Object node, String where, List<String> dangling) {
        if (node instanceof JsonObject object) {
            Object ref = object.getValue("$ref");
            if (ref instanceof String pointer && pointer.startsWith("#") && resolve(document, pointer) == null) {
                dangling.add(pointer + " (at " + where + ")");
            }
            object.forEach(entry -> collectDangling(document, entry.getValue(), where + "/" + entry.getKey(), dangling));
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                collectDangling(document, array.getValue(i), where + "/" + i, dangling);
            }
        }
    }

    /** Follows a local JSON pointer ({@code #/components/schemas/X}); null when it leads nowhere. */
    private static Object resolve(JsonObject document, String pointer) {
        Object node = document;
        for (String token : pointer.substring(1).split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!(node instanceof JsonObject object) || !object.containsKey(name)) {
                return null;
            }
            node = object.getValue(name);
        }
        return node;
    }

    private static JsonObject child(JsonObject parent, String name) {
        JsonObject child = parent.getJsonObject(name);
        if (child == null) {
            child = new JsonObject();
            parent.put(name, child);
        }
        return child;
    }

    /** One document or fragment from the classpath, as it is (no merge, no reference check). */
    public static JsonObject load(String resource) {
        try (InputStream in = OpenApiFragments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing openapi resource " + resource);
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (DecodeException e) {
            throw new IllegalStateException("openapi resource " + resource + " is not a JSON object: " + e.getMessage(), e);
        }
    }
}
