package org.hotline.core.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.error.HotlineException;

/**
 * Checks path parameters (ticket ids, ticket numbers, unit ids, category codes) against their
 * schemas in the served OpenAPI document, before any route looks the value up: a malformed one is
 * a 400 in Chinese with the parameter's description, while a well-formed id that names nothing (or
 * a ticket outside the caller's scope) stays the route's 404. Public operations are checked before
 * the token check, the others after it (a request without a token is told 401 first).
 */
final class PathParameters {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    /** One documented path with parameters: its pattern (one group per parameter) and each one's check. */
    private record Template(HttpMethod method, Pattern path, boolean open, List<Parameter> parameters) {
    }

    private record Parameter(String name, String description, Validator validator) {
    }

    private final List<Template> templates = new ArrayList<>();

    PathParameters(JsonObject document) {
        JsonSchemaOptions options = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
            .setBaseUri("https://hotline.invalid/").setOutputFormat(OutputFormat.Flag);
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            if (!path.contains("{")) {
                continue;
            }
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject operation && operation.containsKey("responses")) {
                    templates.add(template(path, method, operation, options));
                }
            }
        }
    }

    private static Template template(String path, String method, JsonObject operation, JsonSchemaOptions options) {
        List<Parameter> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(path);
        int from = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(path.substring(from, placeholder.start()))).append("([^/]+)");
            parameters.add(parameter(placeholder.group(1), operation.getJsonArray("parameters", new JsonArray()), options));
            from = placeholder.end();
        }
        regex.append(Pattern.quote(path.substring(from)));
        boolean open = operation.getJsonArray("security") != null && operation.getJsonArray("security").isEmpty();
        return new Template(HttpMethod.valueOf(method.toUpperCase()), Pattern.compile(regex.toString()), open, parameters);
    }

    /** A parameter the document does not describe is left to the route (null validator). */
    private static Parameter parameter(String name, JsonArray declared, JsonSchemaOptions options) {
        for (int i = 0; i < declared.size(); i++) {
            JsonObject parameter = declared.getJsonObject(i);
            if (name.equals(parameter.getString("name")) && "path".equals(parameter.getString("in"))) {
                JsonObject schema = parameter.getJsonObject("schema", new JsonObject());
                return new Parameter(name, parameter.getString("description"), Validator.create(JsonSchema.of(schema.copy()), options));
            }
        }
        return new Parameter(name, null, null);
    }

    Handler<RoutingContext> handler(boolean publicOperations) {
        return ctx -> {
            check(ctx, publicOperations);
            ctx.next();
        };
    }

    private void check(RoutingContext ctx, boolean publicOperations) {
        String path = ctx.request().path();
        for (Template template : templates) {
            Matcher matcher = template.path().matcher(path);
            if (template.open() == publicOperations && template.method().equals(ctx.request().method()) && matcher.matches()) {
                for (int i = 0; i < template.parameters().size(); i++) {
                    refuseIfInvalid(template.parameters().get(i), decoded(matcher.group(i + 1)));
                }
                return;
            }
        }
    }

    private static void refuseIfInvalid(Parameter parameter, String value) {
        if (parameter.validator() != null && (value == null || !parameter.validator().validate(value).getValid())) {
            String hint = parameter.description() == null ? "" : "：" + parameter.description();
            throw HotlineException.invalid("request.invalid-path", "路径参数 " + parameter.name() + " 格式不正确" + hint);
        }
    }

    /** Percent-decoded like the routes see it; a broken escape is simply malformed. */
    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException broken) {
            return null;
        }
    }
}
