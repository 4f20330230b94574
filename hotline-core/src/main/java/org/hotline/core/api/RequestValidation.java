package org.hotline.core.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.error.HotlineException;

/**
 * Checks every documented request against the served OpenAPI document itself: the JSON body
 * against the operation's request schema and each query parameter against its schema (JSON Schema
 * draft 2020-12, vertx-json-schema), so the document and the checks cannot drift apart. A
 * violation is a 400 problem naming the field, with the codes strict binding uses for the same
 * fault ({@link SchemaProblems}). What the schema cannot see (malformed JSON, invalid UTF-8,
 * duplicate fields, an empty body for a body-less action) is left to {@link JsonBodies} behind it.
 * Path parameters of staff operations (ticket ids, unit ids, category codes) are checked first: a
 * malformed one is 400 {@code request.invalid-path}, while a well-formed id that names nothing stays
 * the route's 404. Public operations' path parameters are left to their routes: the citizens'
 * lookup answers any number it cannot find with the same 404 (a stable interface). A value its
 * schema's compiled {@link SchemaShortcut} accepts skips the validator (the check of a web appeal
 * went from ~30 µs to ~1); everything else, every refusal included, is the validator's word.
 */
public final class RequestValidation {

    private static final String BASE = "https://hotline.invalid/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
    private static final String DOCUMENT = BASE + "openapi.json";
    private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One documented operation: its path as a pattern, whether it is public, and its validators. */
    private record Operation(HttpMethod method, Pattern path, boolean open, List<PathParameter> pathParameters, Schema body,
                             Map<String, Parameter> query) {
    }

    private record Parameter(boolean integer, Schema schema) {
    }

    /** A path parameter in template order (one capturing group each); no schema: left to the route. */
    private record PathParameter(String name, String description, Schema schema) {
    }

    /**
     * A schema's full validator, and its compiled shortcut when it has one: a value the shortcut
     * accepts is valid; anything else gets the full validator's verdict and message.
     */
    private record Schema(Validator validator, SchemaShortcut.Check shortcut) {
        OutputUnit validate(Object value) {
            return shortcut != null && shortcut.certainlyValid(value) ? VALID : validator.validate(value);
        }
    }

    private static final OutputUnit VALID = new OutputUnit(true);

    private final List<Operation> operations = new ArrayList<>();

    /** Prepares a validator per documented request schema; fails at startup if the document is unusable. */
    public RequestValidation(JsonObject document) {
        JsonSchemaOptions options = new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE)
            .setOutputFormat(OutputFormat.Basic);
        SchemaRepository repository = SchemaRepository.create(options);
        // dereferencing annotates the objects it is given: keep the caller's document as it was
        repository.dereference(DOCUMENT, JsonSchema.of(document.copy()));
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!METHODS.contains(method)) {
                    continue; // path-level summary, description, parameters
                }
                operations.add(operation(document, repository, options, path, method, item.getJsonObject(method)));
            }
        }
    }

    private static Operation operation(JsonObject document, SchemaRepository repository, JsonSchemaOptions options, String path,
                                       String method, JsonObject operation) {
        String pointer = "#/paths/" + escape(path) + "/" + method;
        Schema body = null;
        JsonObject content = operation.getJsonObject("requestBody", new JsonObject()).getJsonObject("content", new JsonObject());
        if (content.containsKey("application/json")) {
            body = new Schema(validator(repository, options, pointer + "/requestBody/content/application~1json/schema"),
                SchemaShortcut.compile(document, content.getJsonObject("application/json").getValue("schema")).orElse(null));
        }
        Map<String, Parameter> query = new java.util.HashMap<>();
        Map<String, PathParameter> inPath = new java.util.HashMap<>();
        JsonArray parameters = operation.getJsonArray("parameters", new JsonArray());
        for (int i = 0; i < parameters.size(); i++) {
            JsonObject parameter = parameters.getJsonObject(i);
            String in = parameter.getString("in");
            if (!"query".equals(in) && !"path".equals(in)) {
                continue;
            }
            Schema schema = new Schema(parameterValidator(repository, options, parameter),
                SchemaShortcut.compile(document, parameter.getValue("schema")).orElse(null));
            if ("query".equals(in)) {
                boolean integer = "integer".equals(parameter.getJsonObject("schema").getString("type"));
                query.put(parameter.getString("name"), new Parameter(integer, schema));
            } else {
                inPath.put(parameter.getString("name"), new PathParameter(parameter.getString("name"),
                    parameter.getString("description"), schema));
            }
        }
        List<PathParameter> pathParameters = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(path);
        while (placeholder.find()) {
            pathParameters.add(inPath.getOrDefault(placeholder.group(1), new PathParameter(placeholder.group(1), null, null)));
        }
        boolean open = operation.getJsonArray("security") != null && operation.getJsonArray("security").isEmpty();
        return new Operation(HttpMethod.valueOf(method.toUpperCase()), template(path), open, List.copyOf(pathParameters), body,
            Map.copyOf(query));
    }

    /** The repository does not index into arrays: a parameter's schema is used on its own, its $ref made absolute. */
    private static Validator parameterValidator(SchemaRepository repository, JsonSchemaOptions options, JsonObject parameter) {
        JsonObject schema = parameter.getJsonObject("schema").copy();
        String ref = schema.getString("$ref");
        if (ref != null && ref.startsWith("#")) {
            schema.put("$ref", DOCUMENT + ref);
        }
        return checked(repository.validator(JsonSchema.of(schema), options), "query parameter " + parameter.getString("name"));
    }

    /** A validator of the schema at the pointer; tried once here so a broken reference stops the start, not a request. */
    private static Validator validator(SchemaRepository repository, JsonSchemaOptions options, String pointer) {
        return checked(repository.validator(JsonSchema.of(new JsonObject().put("$ref", DOCUMENT + pointer)), options), pointer);
    }

    private static Validator checked(Validator validator, String what) {
        try {
            validator.validate(new JsonObject());
        } catch (RuntimeException unresolved) {
            throw new IllegalStateException("openapi schema cannot be used for validation: " + what, unresolved);
        }
        return validator;
    }

    /**
     * The check for the public operations (mounted before the token check) or for the others
     * (mounted after it, so a request without a token is told 401, not what is wrong with its body).
     */
    public Handler<RoutingContext> handler(boolean publicOperations) {
        return ctx -> {
            check(ctx, publicOperations);
            ctx.next();
        };
    }

    /**
     * Throws the 400 for a request that breaks its documented operation. For routes that must do
     * something before refusing (web intake counts a refused body against the client's address).
     */
    public void check(RoutingContext ctx, boolean publicOperations) {
        String path = ctx.request().path();
        for (Operation operation : operations) {
            Matcher matched = operation.path().matcher(path);
            if (operation.open() == publicOperations && operation.method().equals(ctx.request().method()) && matched.matches()) {
                if (!operation.open()) {
                    checkPath(operation, matched);
                }
                check(operation, ctx);
                return;
            }
        }
    }

    /** A malformed id is reported before anything about the query or the body. */
    private static void checkPath(Operation operation, Matcher matched) {
        for (int i = 0; i < operation.pathParameters().size(); i++) {
            PathParameter parameter = operation.pathParameters().get(i);
            if (parameter.schema() == null) {
                continue;
            }
            String value = decoded(matched.group(i + 1));
            if (value == null || !parameter.schema().validate(value).getValid()) {
                String hint = parameter.description() == null ? "" : "：" + parameter.description();
                throw HotlineException.invalid("request.invalid-path", "路径参数 " + parameter.name() + " 格式不正确" + hint);
            }
        }
    }

    /** Percent-decoded like the routes see it; a broken escape is simply malformed. */
    private static String decoded(String segment) {
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException broken) {
            return null;
        }
    }

    private static void check(Operation operation, RoutingContext ctx) {
        operation.query().forEach((name, parameter) -> {
            String raw = ctx.queryParams().get(name);
            if (raw != null && !raw.isEmpty()) {
                refuseIfInvalid(parameter.schema().validate(queryValue(name, raw, parameter)), "参数 " + name, true);
            }
        });
        if (operation.body() != null) {
            Object body = jsonBody(ctx);
            if (body != null) {
                refuseIfInvalid(operation.body().validate(body), null, false);
            }
        }
    }

    private static Object queryValue(String name, String raw, Parameter parameter) {
        if (!parameter.integer()) {
            return raw;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw HotlineException.invalid("request.invalid-parameter", "参数 " + name + " 须为整数");
        }
    }

    /** The parsed body when it is JSON at all; null hands malformed or empty bodies to strict binding. */
    private static Object jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        if (buffer == null || buffer.length() == 0 || (type != null && !type.toLowerCase().startsWith("application/json"))) {
            return null;
        }
        try {
            return withoutNulls(Json.decodeValue(buffer));
        } catch (DecodeException malformed) {
            return null;
        }
    }

    /** Binding reads a null field as an absent one; the check does the same (a required one is then missing). */
    private static Object withoutNulls(Object value) {
        if (value instanceof JsonObject object && hasNull(object)) {
            JsonObject copy = new JsonObject();
            object.forEach(field -> {
                if (field.getValue() != null) {
                    copy.put(field.getKey(), withoutNulls(field.getValue()));
                }
            });
            return copy;
        }
        return value;
    }

    /** Most bodies have no null anywhere: then the parsed object is used as it is, not copied. */
    private static boolean hasNull(JsonObject object) {
        for (Map.Entry<String, Object> field : object) {
            if (field.getValue() == null || field.getValue() instanceof JsonObject nested && hasNull(nested)) {
                return true;
            }
        }
        return false;
    }

    private static void refuseIfInvalid(OutputUnit result, String parameter, boolean isQuery) {
        if (!result.getValid()) {
            throw SchemaProblems.of(result, parameter, isQuery);
        }
    }

    /** {@code /api/v1/tickets/{id}/sign} → a pattern where each parameter is one path segment, one group each. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "([^/]+)" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** A JSON pointer segment inside a URI fragment: {@code ~1} for slashes, braces percent-encoded. */
    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
