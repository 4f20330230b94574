package org.hotline.dispatch.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.hotline.core.api.JsonBodies;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.LabelledText;
import org.hotline.dispatch.classify.Suggestion;
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.hotline.dispatch.routing.RedisAutoAssignPolicy;
import org.hotline.dispatch.history.HistoryImport;

/**
 * The dispatch HTTP API: live classification and the history import. Each route carries its own
 * body limit and authentication, so mount these BEFORE a router-wide {@code /api/v1/*} body
 * handler with a smaller limit (the import body is large).
 */
public final class DispatchRoutes {

    public static final String CLASSIFY = "/api/v1/classify";
    public static final String MODEL = "/api/v1/classify/model";
    public static final String HISTORY_IMPORT = "/api/v1/admin/history/import";
    /**
     * Room for the longest real appeals (12,220 characters in the citizen-message set) even when a client escapes
     * every Chinese character as a six-byte JSON escape: 256 KiB is 43,690 escaped characters.
     */
    static final long CLASSIFY_BODY_LIMIT = 256 * 1024;
    private static final int MAX_SUGGESTIONS = 20;
    private static final Set<String> NDJSON_TYPES =
            Set.of("application/x-ndjson", "application/ndjson", "application/jsonl", "application/json-lines");

    private final Classifier classifier;
    private final HistoryImport history;
    private final Handler<RoutingContext> authentication;
    private final RedisAutoAssignPolicy policies;

    /**
     * {@code authentication}: the bearer-token handler, e.g. {@code Authenticated.handler(tokens)}; {@code policies}:
     * the auto-assign policy, whose threshold decides when an agent is warned about the top suggestion.
     */
    public DispatchRoutes(Classifier classifier, HistoryImport history, Handler<RoutingContext> authentication,
            RedisAutoAssignPolicy policies) {
        this.classifier = classifier;
        this.history = history;
        this.authentication = authentication;
        this.policies = policies;
    }

    public Router mount(Router router) {
        router.post(CLASSIFY).handler(Problems.bodyHandler(CLASSIFY_BODY_LIMIT)).handler(authentication)
                .handler(Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM))
                .handler(this::classify).failureHandler(Problems.failureHandler());
        router.get(MODEL).handler(authentication)
                .handler(Authenticated.require(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM))
                .handler(ctx -> json(ctx, 200, classifier.status().toJson()))
                .failureHandler(Problems.failureHandler());
        // Vert.x wants body handlers before user handlers; the size limit bounds what an anonymous caller can send
        router.post(HISTORY_IMPORT).handler(Problems.bodyHandler(history.config().maxBodyBytes()))
                .handler(authentication).handler(Authenticated.require(Role.ADMIN))
                .handler(DispatchRoutes::requireNdjson).handler(this::importHistory).failureHandler(Problems.failureHandler());
        return router;
    }

    private void classify(RoutingContext ctx) {
        JsonObject body = JsonBodies.object(ctx);
        String title = optionalText(body, "title");
        String content = optionalText(body, "content");
        String location = optionalText(body, "location");
        if (title.isBlank() && content.isBlank()) {
            throw HotlineException.invalid("classify.text-required", "title 和 content 至少填写一项");
        }
        int limit = limit(ctx.queryParams().get("limit"));
        classifier.suggest(LabelledText.appealText(title, content, location), limit)
                .compose(suggestions -> policies.current().map(policy -> answer(suggestions, policy)))
                .onSuccess(answer -> json(ctx, 200, answer))
                .onFailure(ctx::fail);
    }

    /**
     * The suggestions, whether the top two are close ({@code borderline}: both then carry their deciding words),
     * the threshold auto-dispatch would apply to the top one, and a Chinese {@code warning} for the agent when the
     * top suggestion is below it (null otherwise).
     */
    static JsonObject answer(List<Suggestion> suggestions, AutoAssignPolicy policy) {
        JsonObject answer = new JsonObject().put("suggestions",
                new JsonArray(suggestions.stream().map(s -> (Object) s.toJson()).toList()));
        if (suggestions.isEmpty()) {
            return answer;
        }
        Suggestion top = suggestions.get(0);
        double threshold = policy.thresholdFor(top.category());
        boolean borderline = Classifier.isBorderline(suggestions);
        String warning = null;
        if (top.confidence() < threshold) {
            warning = String.format("建议分类「%s」的置信度 %.2f 低于自动派单阈值 %.2f，请核对后再接受", top.name(),
                    top.confidence(), threshold);
            if (borderline) {
                warning += String.format("；与「%s」（%.2f）接近", suggestions.get(1).name(), suggestions.get(1).confidence());
            }
        }
        return answer.put("borderline", borderline).put("autoAssignThreshold", threshold).put("warning", warning);
    }

    private void importHistory(RoutingContext ctx) {
        String create = ctx.queryParams().get("createCategories");
        if (create != null && !create.equals("true") && !create.equals("false")) {
            throw HotlineException.invalid("import.bad-parameter", "createCategories 只能是 true 或 false");
        }
        history.run(ctx.body().asString("UTF-8"), "true".equals(create))
                .onSuccess(result -> json(ctx, 200, result.toJson()))
                .onFailure(ctx::fail);
    }

    private static void requireNdjson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!NDJSON_TYPES.contains(bare)) {
            ctx.fail(new HotlineException(ErrorKind.INVALID_REQUEST, "request.unsupported-media-type",
                    "历史导入的请求体应为 application/x-ndjson（每行一个 JSON 对象）"));
            return;
        }
        ctx.next();
    }

    private static String optionalText(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw HotlineException.invalid("classify.bad-field", "字段 " + field + " 应为字符串");
        }
        return value == null ? "" : (String) value;
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 3;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_SUGGESTIONS) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw HotlineException.invalid("classify.bad-limit", "limit 应为 1 到 " + MAX_SUGGESTIONS + " 的整数");
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }
}
