package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hotline.core.api.Problems;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.app.TicketService;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Role;
import org.hotline.server.config.HotlineConfig;
import org.hotline.server.health.DependencyCheck;
import org.hotline.core.model.Department;
import org.hotline.telephony.sms.DutyPhones;
import org.hotline.telephony.sms.QuietHours;
import org.hotline.telephony.sms.SmsChannel;
import org.hotline.telephony.sms.SmsConfig;
import org.hotline.telephony.sms.SmsRoutes;
import org.hotline.telephony.sms.SmsVerticle;

/**
 * SMS over SMPP (HOTLINE_SMPP_*): receipts, reply notices, SMS return visits ({@code voiceFirst}: the
 * voice survey visits accepted replies and sends the SMS survey itself when nobody answers). Its routes under
 * {@code /api/sms/} are for supervisors and administrators; only administrators change templates.
 * The quiet hours are Beijing time, the center's own clock.
 */
public final class SmsModule implements Module {

    static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");

    private final Vertx vertx;
    private final SmsVerticle sms;
    private final Handler<RoutingContext> authentication;

    public SmsModule(Vertx vertx, HotlineConfig.Sms config, String nodeId, RedisAsyncCommands<String, String> redis,
                     TicketService tickets, Handler<RoutingContext> authentication, Clock clock, boolean voiceFirst) {
        this.vertx = vertx;
        this.authentication = authentication;
        SmsConfig smsConfig = new SmsConfig(config.host(), config.port(), config.systemId(), config.password(),
                config.sourceAddress(), config.ratePerSecond(), config.window(),
                new QuietHours(config.quietStart(), config.quietEnd(), CENTER_ZONE), config.progressUrl(),
                Duration.ofMinutes(config.surveyDelayMinutes()), null,
                config.maxAttempts(), Duration.ofSeconds(config.retrySeconds()));
        DutyPhones phones = id -> tickets.seed().departments().find(id).map(Department::contact);
        this.sms = new SmsVerticle(smsConfig, redis, TicketOperations.of(tickets), "sms-" + nodeId, phones, clock, voiceFirst);
    }

    /** The channel for the voice survey's fallback; null until started. */
    public SmsChannel channel() {
        return sms.channel();
    }

    @Override
    public String name() {
        return "sms";
    }

    /** The bind retries with back-off on its own: an SMS center that is down does not stop the server. */
    @Override
    public Future<Void> start() {
        return vertx.deployVerticle(sms).mapEmpty();
    }

    @Override
    public void mount(Router router) {
        router.route("/api/sms/*").failureHandler(Problems.failureHandler());
        router.route("/api/sms/*").handler(authentication).handler(Authenticated.require(Role.SUPERVISOR, Role.ADMIN));
        router.put("/api/sms/templates/*").handler(Authenticated.require(Role.ADMIN));
        SmsRoutes.mount(router, sms);
    }

    @Override
    public List<DependencyCheck> checks() {
        return List.of(DependencyCheck.of("sms", false, () -> sms.bound()
                ? Future.succeededFuture("SMPP bound") : Future.failedFuture("SMPP not bound (retrying)")));
    }
}
