package org.hotline.linkage110.api;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures of the linkage routes to {@code application/problem+json}. Stands in until core's
 * shared {@code Problems} lands; a 5xx shows no internals.
 */
final class ProblemHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        HotlineException problem = translate(ctx);
        if (problem.kind() == ErrorKind.INTERNAL) {
            LOG.error("linkage request failed [path={}]", ctx.request().path(), ctx.failure());
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        var body = new JsonObject().put("type", "about:blank").put("title", problem.getMessage())
                .put("status", problem.kind().httpStatus()).put("code", problem.code());
        ctx.response().setStatusCode(problem.kind().httpStatus())
                .putHeader("Content-Type", "application/problem+json; charset=utf-8")
                .end(body.encode());
    }

    private static HotlineException translate(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof HotlineException known) {
            return known;
        }
        if (failure instanceof io.vertx.core.json.DecodeException) {
            return HotlineException.invalid("linkage110.bad-json", "请求体不是合法的JSON");
        }
        if (failure instanceof IllegalArgumentException bad) {
            return HotlineException.invalid("linkage110.bad-request", bad.getMessage());
        }
        if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            return new HotlineException(ErrorKind.INVALID_REQUEST,
                    "linkage110.http-" + ctx.statusCode(), "请求无效");
        }
        return HotlineException.from(failure);
    }
}
