package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.app.TicketService;
import org.hotline.server.config.HotlineConfig;
import org.hotline.telephony.sms.QuietHours;
import org.hotline.telephony.sms.SmsChannel;
import org.hotline.telephony.survey.voice.VoiceSurveyConfig;
import org.hotline.telephony.survey.voice.VoiceSurveyVerticle;

/**
 * The automated voice survey (HOTLINE_VOICE_SURVEY_*, with telephony on): calls through the telephony
 * module over the event bus, falls back to the SMS module's survey when SMS is on. It keeps the SMS
 * quiet hours (Beijing time). No routes: campaigns ask on {@link VoiceSurveyVerticle#REQUEST_ADDRESS}.
 */
public final class VoiceSurveyModule implements Module {

    private final Vertx vertx;
    private final VoiceSurveyVerticle voice;

    public VoiceSurveyModule(Vertx vertx, HotlineConfig.VoiceSurvey config, HotlineConfig.Sms sms, String nodeId,
                             RedisAsyncCommands<String, String> redis, TicketService tickets, Supplier<SmsChannel> smsChannel,
                             Clock clock) {
        this.vertx = vertx;
        VoiceSurveyConfig settings = new VoiceSurveyConfig(config.attempts(), Duration.ofMinutes(config.retryMinutes()),
                Duration.ofSeconds(config.ringSeconds()), Duration.ofMinutes(config.delayMinutes()),
                new QuietHours(sms.quietStart(), sms.quietEnd(), SmsModule.CENTER_ZONE));
        this.voice = new VoiceSurveyVerticle(settings, redis, TicketOperations.of(tickets), smsChannel, "voice-" + nodeId, clock);
    }

    @Override
    public String name() {
        return "voice-survey";
    }

    @Override
    public Future<Void> start() {
        return vertx.deployVerticle(voice).mapEmpty();
    }

    @Override
    public void mount(Router router) {
        // no routes of its own
    }
}
