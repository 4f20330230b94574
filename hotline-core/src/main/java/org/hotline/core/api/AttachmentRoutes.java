package org.hotline.core.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.hotline.core.attachment.Attachment;
import org.hotline.core.attachment.Evidence;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.http.RateLimiter;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Ticket;

/**
 * HTTP for evidence files: the body is the file itself (any content type; the kind is sniffed from the
 * bytes), its name in {@code ?fileName=}. Uploads have their own body limit, mounted before the API's
 * small JSON one; staff uploads check the token before a byte of the body is read. Downloads are
 * attachments with nosniff and a sandboxing content policy, never rendered as pages of this origin.
 */
final class AttachmentRoutes {

    static final String STAFF = "/api/v1/tickets/:id/attachments";
    static final String CITIZEN = "/api/v1/appeals/:ticketNumber/attachments";

    private final Evidence evidence;
    private final BiFunction<String, Actor, Future<Ticket>> inScope;
    private final BiFunction<String, String, Future<Ticket>> withQueryCode;

    /** {@code inScope}: a ticket by id or number when the actor may read it; {@code withQueryCode}: by number and query code. */
    AttachmentRoutes(Evidence evidence, BiFunction<String, Actor, Future<Ticket>> inScope,
                     BiFunction<String, String, Future<Ticket>> withQueryCode) {
        this.evidence = evidence;
        this.inScope = inScope;
        this.withQueryCode = withQueryCode;
    }

    /** The two uploads; mount before the API's own body handler. */
    void mountUploads(Router router, Handler<RoutingContext> authentication, Handler<RoutingContext> citizenLimit) {
        Handler<RoutingContext> body = Problems.bodyHandler(evidence.config().maxBytes());
        router.post(STAFF).handler(authentication).handler(this::declaredSize).handler(body).handler(this::staffUpload);
        router.post(CITIZEN).handler(paused(citizenLimit)).handler(this::declaredSize).handler(body).handler(this::citizenUpload);
    }

    // the limit is a Redis round trip: the body handler after it must find the body not yet read
    private static Handler<RoutingContext> paused(Handler<RoutingContext> asynchronous) {
        return ctx -> {
            if (!ctx.request().isEnded()) {
                ctx.request().pause();
            }
            asynchronous.handle(ctx);
        };
    }

    /** List and download, behind the API's auth handler. */
    void mountReads(Router router) {
        router.get(STAFF).handler(this::list);
        router.get(STAFF + "/:attachmentId").handler(this::download);
    }

    private void declaredSize(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}")) {
            evidence.checkDeclaredSize(Long.parseLong(length));
        }
        ctx.next();
    }

    private void staffUpload(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        inScope.apply(ctx.pathParam("id"), actor)
            .compose(ticket -> evidence.add(ticket, actor, ctx.queryParams().get("fileName"), ctx.body().buffer()))
            .onSuccess(saved -> AppealRoutes.json(ctx, 201, saved.toJson(actor.isCenterStaff())))
            .onFailure(ctx::fail);
    }

    private void citizenUpload(RoutingContext ctx) {
        String number = ctx.pathParam("ticketNumber");
        withQueryCode.apply(number, ctx.queryParams().get("queryCode"))
            .compose(ticket -> evidence.add(ticket, Actor.citizen("citizen:" + ticket.number().value()),
                ctx.queryParams().get("fileName"), ctx.body().buffer()))
            .onSuccess(saved -> AppealRoutes.json(ctx, 201, saved.toJson(false)))
            .onFailure(failure -> RateLimiter.fail(ctx, failure));
    }

    private void list(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        inScope.apply(ctx.pathParam("id"), actor)
            .compose(evidence::list)
            .onSuccess(all -> AppealRoutes.json(ctx, 200, new JsonObject().put("items",
                new JsonArray(all.stream().map(a -> (Object) a.toJson(actor.isCenterStaff())).toList()))))
            .onFailure(ctx::fail);
    }

    private void download(RoutingContext ctx) {
        Actor actor = Authenticated.actor(ctx);
        String attachmentId = ctx.pathParam("attachmentId");
        if (!Attachment.isId(attachmentId)) {
            ctx.fail(HotlineException.notFound("attachment.not-found", "附件不存在"));
            return;
        }
        inScope.apply(ctx.pathParam("id"), actor)
            .compose(ticket -> evidence.open(ticket, actor, attachmentId))
            .onSuccess(opened -> send(ctx, opened))
            .onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, Evidence.Opened opened) {
        Attachment attachment = opened.attachment();
        ctx.response()
            .putHeader("Content-Type", attachment.kind().contentType())
            .putHeader("Content-Disposition", disposition(attachment.fileName(), attachment.kind().extension()))
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
            .putHeader("Cache-Control", "private, no-store")
            .end(opened.bytes());
    }

    /** RFC 6266: an ASCII fallback name and the real (Chinese) one percent-encoded in UTF-8. */
    static String disposition(String fileName, String extension) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"evidence." + extension + "\"; filename*=UTF-8''" + encoded;
    }
}
