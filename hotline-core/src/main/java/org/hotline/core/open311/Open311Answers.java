package org.hotline.core.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.hotline.core.http.HttpFailures;
import org.hotline.core.error.HotlineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes Open311 answers and errors in the format the path asked for (.json or .xml). */
final class Open311Answers {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Answers.class);

    private Open311Answers() {
    }

    static boolean xml(RoutingContext ctx) {
        return ctx.normalizedPath().endsWith(".xml");
    }

    static void list(RoutingContext ctx, int status, String root, JsonArray items) {
        send(ctx, status, xml(ctx) ? Open311Xml.list(root, items) : items.encode());
    }

    static void object(RoutingContext ctx, int status, String root, JsonObject value) {
        send(ctx, status, xml(ctx) ? Open311Xml.object(root, value) : value.encode());
    }

    /** GeoReport errors: a list of {code, description}; 5xx without internals. */
    static void error(RoutingContext ctx, Throwable failure, int statusCode) {
        HotlineException known = HttpFailures.classify(failure, statusCode);
        int status = HttpFailures.status(known);
        String description = known.getMessage();
        if (status >= 500) {
            String id = UUID.randomUUID().toString();
            LOG.error("open311 request failed [path={}, correlationId={}]", ctx.normalizedPath(), id, failure);
            description = known.kind() == org.hotline.core.error.ErrorKind.UNAVAILABLE
                ? known.getMessage() + " (id " + id + ")"
                : "service unavailable, please retry later (id " + id + ")";
        }
        if (ctx.response().ended()) {
            return;
        }
        JsonArray errors = new JsonArray().add(new JsonObject().put("code", status).put("description", description));
        list(ctx, status, "errors", errors);
    }

    private static void send(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status)
            .putHeader("Content-Type", xml(ctx) ? "text/xml; charset=utf-8" : "application/json; charset=utf-8")
            .end(body);
    }
}
