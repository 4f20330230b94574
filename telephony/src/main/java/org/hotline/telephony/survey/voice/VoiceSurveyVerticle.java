package org.hotline.telephony.survey.voice;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Command;
import org.hotline.core.model.MessageChannel;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.hotline.core.model.TicketStatus;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.core.stream.TicketEventType;
import org.hotline.core.stream.group.BatchHandler;
import org.hotline.core.stream.group.ConsumerGroup;
import org.hotline.core.stream.group.GroupSettings;
import org.hotline.telephony.HotlineAgiServer;
import org.hotline.telephony.TelephonyVerticle;
import org.hotline.telephony.sms.Addressee;
import org.hotline.telephony.sms.RedisSmsBook;
import org.hotline.telephony.sms.SmsChannel;
import org.hotline.telephony.sms.SurveyReply;
import org.hotline.telephony.survey.RedisSurveyLedger;
import org.hotline.telephony.survey.SurveyCampaign;
import org.hotline.telephony.survey.SurveyLedgerEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automated voice survey (语音回访). When the center accepts a reply (the SMS survey's trigger),
 * or when a campaign asks ({@link #survey}, {@value #REQUEST_ADDRESS}), the citizen is called at an
 * allowed hour; the keys pressed (1 满意 / 2 基本满意 / 3 不满意, then the resolved question) are
 * recorded as the ticket's return visit by the system actor {@value #COMPONENT} through the ordinary
 * visit command. An unanswered call (or one answered without a key) is retried {@code attempts} times;
 * then the SMS survey is sent (when SMS is on) and the ticket stays in the agents' 待回访 list
 * (status REVIEWED) until somebody visits it. Every attempt and its outcome is a MessageRecorded event
 * (channel VOICE) on the ticket. Eligibility is the SMS survey's: a mobile number, no confidentiality,
 * not opted out; the ticket must still await its visit. Logs carry ticket ids, never a number.
 *
 * <p>Attempts waiting for their hour live in this node's timers: a restart forgets them, and the
 * ticket is then visited by the agents from their list.
 */
public final class VoiceSurveyVerticle extends VerticleBase {

    /** Request {ticketId}: survey this ticket by voice (survey campaigns); reply {queued: true|false}. */
    public static final String REQUEST_ADDRESS = "survey.voice.request";
    public static final String COMPONENT = "voice-survey";
    /** The purpose of this survey's MessageRecorded events. */
    public static final String PURPOSE = "voice-survey";
    static final String GROUP = "voice-survey";
    /** One key per reported attempt (its token): a result published to several nodes is handled once. */
    private static final String REPORTED = "hotline:voice-survey:reported:";
    private static final long REPORTED_KEPT_SECONDS = Duration.ofDays(2).toSeconds();
    private static final int CONFLICT_ROUNDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(VoiceSurveyVerticle.class);

    private final VoiceSurveyConfig config;
    private final RedisAsyncCommands<String, String> redis;
    private final TicketOperations tickets;
    private final Supplier<SmsChannel> sms;
    private final String consumer;
    private final Clock clock;
    private final Actor system = Actor.system(COMPONENT);
    private RedisSmsBook book;
    private SurveyLedgerEvents campaign;

    /** {@code sms}: the SMS channel for the fallback, or null while SMS is off (then only the agents' list). */
    public VoiceSurveyVerticle(VoiceSurveyConfig config, RedisAsyncCommands<String, String> redis, TicketOperations tickets,
                               Supplier<SmsChannel> sms, String consumer, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.redis = redis;
        this.tickets = tickets;
        this.sms = Objects.requireNonNull(sms, "sms");
        this.consumer = consumer;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        if (!config.enabled()) {
            LOG.info("voice survey off (set HOTLINE_VOICE_SURVEY_ATTEMPTS to enable)");
            return Future.succeededFuture();
        }
        book = new RedisSmsBook(context, Objects.requireNonNull(redis, "redis"));
        campaign = new SurveyLedgerEvents(new RedisSurveyLedger(context, redis), config.quiet().zone());
        var bus = vertx.eventBus();
        bus.<JsonObject>consumer(HotlineAgiServer.SURVEY_RESULT_ADDRESS, m -> reported(m.body())
                .onFailure(e -> LOG.warn("voice survey result not handled [ticketId={}, reason={}]", m.body().getString("ticketId"),
                        e.getMessage())));
        bus.<JsonObject>consumer(REQUEST_ADDRESS, m -> survey(m.body().getString("ticketId", ""))
                .onSuccess(queued -> m.reply(new JsonObject().put("queued", queued)))
                .onFailure(e -> m.fail(HotlineException.from(e).kind().httpStatus(), e.getMessage())));
        ConsumerGroup<TicketEventEntry> replies = TicketEventEntry.consumerGroup(redis,
                GroupSettings.of(GROUP, consumer, RedisKeys.TICKET_EVENTS, false),
                (BatchHandler<TicketEventEntry>) batch -> BatchHandler.inOrder(batch, e -> e.type() != TicketEventType.REPLY_ACCEPTED
                        ? Future.succeededFuture() : surveyIfPlanned(e)));
        return vertx.deployVerticle(replies);
    }

    /**
     * The entry point for campaigns: calls the citizen of {@code ticketId} now (or when the quiet hours
     * end); false when the ticket may not be surveyed by voice (not awaiting its visit, no mobile
     * number, confidential, opted out).
     */
    public Future<Boolean> survey(String ticketId) {
        return surveyable(ticketId).compose(found -> found.isEmpty() ? Future.succeededFuture(false)
                : schedule(ticketId, 1, clock.instant()).map(true));
    }

    /** The survey campaign decides whether the robot calls (its sample); else the ticket stays on the agents' 待回访 list. */
    private Future<Void> surveyIfPlanned(TicketEventEntry accepted) {
        return campaign.plan(accepted.ticketId(), accepted.at()).compose(plan -> plan == SurveyCampaign.Plan.ROBOT
                ? schedule(accepted.ticketId(), 1, clock.instant().plus(config.delay())) : Future.succeededFuture());
    }

    private Future<Void> schedule(String ticketId, int attempt, Instant notBefore) {
        long waitMs = Math.max(1, Duration.between(clock.instant(), config.quiet().nextAllowed(notBefore)).toMillis());
        vertx.setTimer(waitMs, id -> call(ticketId, attempt).onFailure(e -> LOG.warn(
                "voice survey attempt failed [ticketId={}, attempt={}, reason={}]", ticketId, attempt, e.getMessage())));
        return Future.succeededFuture();
    }

    /** Re-checked at every attempt: a visit recorded meanwhile, an opt-out or a new confidentiality stops the calls. */
    private Future<Void> call(String ticketId, int attempt) {
        return surveyable(ticketId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture();
            }
            // the attempt's number and a token of its own: a later survey of the same ticket is never taken for this one
            JsonObject request = new JsonObject().put("ticketId", ticketId).put("phone", found.get().phone())
                    .put("attempt", attempt + ":" + UUID.randomUUID()).put("ringSeconds", config.ring().toSeconds());
            return record(ticketId, "calling", attempt)
                    .compose(v -> book.count("survey.voice.called"))
                    .compose(v -> vertx.eventBus().request(TelephonyVerticle.SURVEY_CALL_ADDRESS, request))
                    .<Void>mapEmpty()
                    .recover(e -> unanswered(ticketId, attempt, "not placed"));
        });
    }

    private Future<Void> reported(JsonObject result) {
        String ticketId = result.getString("ticketId", "");
        String token = result.getString("attempt", "");
        int attempt = parseAttempt(token);
        if (ticketId.isEmpty() || attempt < 1) {
            return Future.succeededFuture();
        }
        Future<String> claimed = Future.fromCompletionStage(redis.set(REPORTED + token, "1",
                SetArgs.Builder.nx().ex(REPORTED_KEPT_SECONDS)), context);
        return claimed.compose(first -> {
            if (!"OK".equals(first)) {
                return Future.succeededFuture();
            }
            SurveyReply reply = SurveyReply.parse(result.getString("satisfaction", "") + result.getString("resolution", ""));
            if (result.getBoolean("answered", false) && reply instanceof SurveyReply.Answer answer) {
                return visit(ticketId, attempt, answer);
            }
            return unanswered(ticketId, attempt, result.getBoolean("answered", false) ? "no key"
                    : "no answer " + result.getString("reason", "")).mapEmpty();
        });
    }

    private Future<Void> visit(String ticketId, int attempt, SurveyReply.Answer answer) {
        Command visit = new Command.RecordReturnVisit(answer.resolution().orElse(Resolution.RESOLVED), answer.satisfaction(),
                answer.resolution().isPresent() ? "语音回访" : "语音回访（未答解决情况，按已解决记录）");
        return record(ticketId, "answered " + keys(answer), attempt)
                .compose(v -> apply(new TicketId(ticketId), visit, CONFLICT_ROUNDS))
                .compose(t -> book.count("survey.voice.answered"))
                // an agent (or the SMS answer) visited the ticket while the phone rang: theirs stands, the trail says so
                .recover(e -> e instanceof HotlineException h && h.kind() == ErrorKind.REJECTED
                        ? record(ticketId, "keys not recorded: already visited", attempt) : Future.failedFuture(e));
    }

    /** Another attempt after the wait, or, after the last one, the SMS survey and the agents' list. */
    private Future<Void> unanswered(String ticketId, int attempt, String outcome) {
        Future<Void> recorded = record(ticketId, outcome.trim(), attempt);
        if (attempt < config.attempts()) {
            return recorded.compose(v -> schedule(ticketId, attempt + 1, clock.instant().plus(config.retryAfter())));
        }
        SmsChannel channel = sms.get();
        return recorded.compose(v -> book.count("survey.voice.unanswered"))
                .compose(v -> channel == null ? Future.succeededFuture(false) : surveyable(ticketId)
                        .compose(found -> found.isEmpty() ? Future.succeededFuture(false) : channel.survey(found.get(), Duration.ZERO)))
                .compose(bySms -> record(ticketId, bySms ? "gave up: sms survey" : "gave up: agents' list", attempt));
    }

    /** The ticket's addressee when the ticket awaits its visit and its caller may be surveyed. */
    private Future<Optional<Addressee>> surveyable(String ticketId) {
        if (ticketId == null || !ticketId.matches("[A-Za-z0-9_-]{1,64}")) {
            return Future.failedFuture(HotlineException.invalid("survey.bad-ticket", "工单编号缺失或格式不正确"));
        }
        return tickets.findById(new TicketId(ticketId)).compose(found -> {
            Optional<Addressee> addressee = found.filter(t -> t.status() == TicketStatus.REVIEWED).map(Addressee::of)
                    .filter(a -> a.phone() != null && !a.confidential() && a.phone().matches("1[3-9]\\d{9}"));
            return addressee.isEmpty() ? Future.succeededFuture(addressee)
                    : book.optedOut(addressee.get().phone()).map(out -> out ? Optional.<Addressee>empty() : addressee);
        });
    }

    private Future<Void> record(String ticketId, String outcome, int attempt) {
        Command command = new Command.RecordMessage(MessageChannel.VOICE, PURPOSE, outcome, "attempt " + attempt);
        return apply(new TicketId(ticketId), command, CONFLICT_ROUNDS).<Void>mapEmpty().recover(e -> {
            LOG.warn("voice survey event not recorded [ticketId={}, outcome={}, reason={}]", ticketId, outcome, e.getMessage());
            return Future.succeededFuture();
        });
    }

    /** Events of one ticket arrive together (a call's outcome, the SMS channel's receipts): a conflict is decided again. */
    private Future<Ticket> apply(TicketId id, Command command, int rounds) {
        return tickets.apply(id, command, system).recover(e -> rounds > 1 && e instanceof HotlineException h
                && h.kind() == ErrorKind.CONFLICT ? apply(id, command, rounds - 1) : Future.failedFuture(e));
    }

    private static String keys(SurveyReply.Answer answer) {
        int satisfaction = answer.satisfaction() == Satisfaction.SATISFIED ? 1 : answer.satisfaction() == Satisfaction.BASICALLY_SATISFIED ? 2 : 3;
        return answer.resolution().map(r -> satisfaction + "" + (r.ordinal() + 1)).orElse(Integer.toString(satisfaction));
    }

    /** {@code <n>:<uuid>} → n; 0 for anything else. */
    private static int parseAttempt(String token) {
        return token.matches("\\d{1,2}:[0-9a-f-]{36}") ? Integer.parseInt(token.substring(0, token.indexOf(':'))) : 0;
    }
}
