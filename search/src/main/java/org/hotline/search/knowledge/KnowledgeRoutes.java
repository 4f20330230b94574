package org.hotline.search.knowledge;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.api.JsonBodies;
import org.hotline.core.api.Problems;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Role;

/**
 * {@code GET /api/v1/knowledge?q=&category=&tag=&size=} (all staff), {@code GET /api/v1/knowledge/{id}},
 * {@code POST /api/v1/knowledge}, {@code PUT|DELETE /api/v1/knowledge/{id}} (administrators and
 * supervisors). Errors are problem+json in Chinese. The service API's auth handler runs before.
 */
public final class KnowledgeRoutes {

    private static final Role[] STAFF = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.DEPARTMENT};
    private static final Role[] EDITORS = {Role.ADMIN, Role.SUPERVISOR};
    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 50;

    private final KnowledgeBase knowledge;

    public KnowledgeRoutes(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    public Router mount(Router router) {
        router.route("/api/v1/knowledge*").failureHandler(Problems.failureHandler());
        router.get("/api/v1/knowledge").handler(Authenticated.require(STAFF)).handler(this::search);
        router.get("/api/v1/knowledge/:id").handler(Authenticated.require(STAFF)).handler(this::get);
        router.post("/api/v1/knowledge").handler(Authenticated.require(EDITORS)).handler(this::create);
        router.put("/api/v1/knowledge/:id").handler(Authenticated.require(EDITORS)).handler(this::update);
        router.delete("/api/v1/knowledge/:id").handler(Authenticated.require(EDITORS)).handler(this::delete);
        return router;
    }

    private void search(RoutingContext ctx) {
        answer(ctx, 200, () -> {
            String q = param(ctx, "q");
            String category = param(ctx, "category");
            if (category != null && !category.matches("\\d{2}(\\d{2}){0,2}")) {
                throw HotlineException.invalid("knowledge.category-invalid", "category 须为分类编码，如 100400");
            }
            int size = size(param(ctx, "size"));
            return knowledge.search(q, category, param(ctx, "tag"), size).map(page -> {
                var hits = new JsonArray();
                page.articles().forEach(a -> hits.add(summary(a).put("snippet", KnowledgeWords.snippet(a.content(), page.words()))));
                return new JsonObject().put("total", page.total()).put("hits", hits);
            });
        });
    }

    private void get(RoutingContext ctx) {
        answer(ctx, 200, () -> knowledge.get(ctx.pathParam("id")).map(KnowledgeRoutes::full));
    }

    private void create(RoutingContext ctx) {
        answer(ctx, 201, () -> {
            ArticleDraft draft = JsonBodies.read(ctx, ArticleDraft.class);
            return knowledge.create(draft, Authenticated.actor(ctx)).map(a -> {
                ctx.response().putHeader("Location", "/api/v1/knowledge/" + a.id());
                return full(a);
            });
        });
    }

    private void update(RoutingContext ctx) {
        answer(ctx, 200, () -> knowledge.update(ctx.pathParam("id"), JsonBodies.read(ctx, ArticleDraft.class),
                Authenticated.actor(ctx)).map(KnowledgeRoutes::full));
    }

    private void delete(RoutingContext ctx) {
        Future<Void> deleted;
        try {
            deleted = knowledge.delete(ctx.pathParam("id"));
        } catch (RuntimeException e) {
            deleted = Future.failedFuture(e);
        }
        deleted.onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private interface Work {
        Future<JsonObject> run();
    }

    private static void answer(RoutingContext ctx, int status, Work work) {
        Future<JsonObject> result;
        try {
            result = work.run();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(json -> ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode())).onFailure(ctx::fail);
    }

    static JsonObject summary(Article a) {
        return new JsonObject().put("id", a.id()).put("title", a.title()).put("categoryCode", a.categoryCode())
                .put("tags", new JsonArray(a.tags())).put("updatedAt", a.updatedAt().toString()).put("author", a.author())
                .put("revision", a.revision());
    }

    static JsonObject full(Article a) {
        return summary(a).put("content", a.content());
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int size(String value) {
        try {
            int size = value == null ? DEFAULT_SIZE : Integer.parseInt(value);
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below like any other out-of-range value
        }
        throw HotlineException.invalid("knowledge.size", "size 须为 1 到 " + MAX_SIZE + " 的整数");
    }
}
