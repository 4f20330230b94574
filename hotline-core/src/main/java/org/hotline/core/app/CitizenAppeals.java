package org.hotline.core.app;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.error.HotlineException;
import org.hotline.core.http.AttemptLimits;
import org.hotline.core.http.FailedAttempts;
import org.hotline.core.model.Actor;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Channel;
import org.hotline.core.model.Command;
import org.hotline.core.model.Location;
import org.hotline.core.model.NewAppeal;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.Urgency;

/**
 * What citizens do without an account: submit an appeal (web, app, WeChat), follow its progress with
 * number + query code, and rate the answer. A resubmission of the same appeal is the same ticket;
 * query codes cannot be probed (every mismatch is the same NOT_FOUND and counts per number).
 */
public final class CitizenAppeals {

    /** A resubmission of the same appeal from the same phone within this time is the same ticket. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

    private final TicketOperations tickets;
    private final AuditLog audit;
    private final FailedAttempts attempts;
    private final FailedAttempts.Policy queryCodes;
    private final Clock clock;
    private final IntakeAdvice advice;

    public CitizenAppeals(TicketOperations tickets, AuditLog audit, FailedAttempts attempts, AttemptLimits limits, Clock clock,
                          IntakeAdvice advice) {
        this.tickets = tickets;
        this.audit = audit;
        this.attempts = attempts;
        this.queryCodes = new FailedAttempts.Policy("query-code", limits.queryCodeFailuresPerTicket(),
            limits.queryCodePeriod(), "appeal.query-code-locked", "该工单查询码错误次数过多，请稍后再试或拨打 12345 查询");
        this.clock = clock;
        this.advice = advice;
    }

    /** The public web intake body; unknown fields are refused. */
    public record AppealRequest(String title, String content, AppealType appealType, String phone, String name,
                                String district, String address, Boolean confidential, String idempotencyKey, String channel) {
    }

    public record RatingRequest(String queryCode, Satisfaction satisfaction, Resolution resolution, String comment) {
    }

    /** An appeal read from a request: the citizen's text as a new appeal and the key that makes a resubmission the same. */
    public record Intake(AppealRequest request, NewAppeal appeal, String key) {
    }

    /** The receipt: the ticket, and what the citizen must be told at once (e.g. call 110 now), when anything. */
    public record Receipt(Ticket ticket, Optional<String> advice) {
    }

    /** Reads the request into an appeal; INVALID_REQUEST when it is not one. */
    public Intake read(AppealRequest request) {
        NewAppeal appeal = Requests.build(() -> toAppeal(request));
        return new Intake(request, appeal, idempotencyKey(request, appeal));
    }

    public Future<Receipt> submit(Intake intake) {
        String phone = intake.appeal().caller().phone();
        return tickets.receive(intake.appeal(), Actor.citizen("citizen:" + phone), intake.key())
            .compose(ticket -> adviceFor(intake.request()).map(told -> new Receipt(ticket, told)));
    }

    /** The appeal is already stored: advice that cannot be computed now is left out, never an error. */
    private Future<Optional<String>> adviceFor(AppealRequest request) {
        return advice.adviceFor(request.title(), request.content()).otherwise(Optional.empty());
    }

    /** The ticket behind number and code, the citizen's read audited. */
    public Future<Ticket> progress(String number, String queryCode) {
        return findWithCode(number, queryCode)
            .compose(ticket -> audit.record(AuditLog.Entry.read(Actor.citizen("citizen"), "ticket", ticket.id().value(), false)).map(ticket));
    }

    /** The citizen's own return visit: how the appeal was resolved and how satisfied they are. */
    public Future<Ticket> rate(String number, RatingRequest request) {
        Command visit = Requests.build(() -> new Command.RecordReturnVisit(
            request.resolution() == null ? Resolution.RESOLVED : request.resolution(), request.satisfaction(), request.comment()));
        return findWithCode(number, request.queryCode())
            .compose(ticket -> tickets.apply(ticket.id(), visit, Actor.citizen("citizen:" + ticket.number().value())));
    }

    /**
     * Number and code must both match; any mismatch is the same 404, so codes cannot be probed per number.
     * Mismatches count per number whatever address they come from (an unknown number too, so a lock
     * does not tell that a number exists); at the limit the number answers 429 until the period is over.
     */
    public Future<Ticket> findWithCode(String number, String queryCode) {
        HotlineException notFound = HotlineException.notFound("appeal.not-found", "未找到该工单，请核对工单编号和查询码");
        if (number == null || number.length() > 40 || queryCode == null || queryCode.length() > 12) {
            return Future.failedFuture(notFound);
        }
        return attempts.requireOpen(queryCodes, number)
            .compose(open -> tickets.findByNumber(number))
            .compose(found -> found.filter(ticket -> ticket.queryCode().matches(queryCode))
                .map(Future::succeededFuture)
                .orElseGet(() -> attempts.fail(queryCodes, number).compose(counted -> Future.<Ticket>failedFuture(notFound))));
    }

    private static NewAppeal toAppeal(AppealRequest request) {
        if (request.phone() == null || request.phone().isBlank()) {
            throw HotlineException.invalid("appeal.phone-required", "请填写联系电话，以便承办单位联系您");
        }
        Channel channel = channel(request.channel());
        boolean anonymous = request.name() == null || request.name().isBlank();
        Caller caller = new Caller(request.name(), request.phone(), Boolean.TRUE.equals(request.confidential()), anonymous);
        Location location = new Location(request.district(), null, null, request.address(), null, null);
        return new NewAppeal(channel, request.appealType(), Urgency.NORMAL, request.title(), request.content(), caller, location, List.of());
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return Channel.WEB;
        }
        return switch (value) {
            case "WEB" -> Channel.WEB;
            case "APP" -> Channel.APP;
            case "WECHAT" -> Channel.WECHAT;
            default -> throw HotlineException.invalid("appeal.invalid-channel", "渠道须为 WEB、APP 或 WECHAT");
        };
    }

    /** The client's key, or one derived from phone and text so an accidental double submit is one ticket. */
    private String idempotencyKey(AppealRequest request, NewAppeal appeal) {
        if (request.idempotencyKey() != null) {
            if (request.idempotencyKey().isBlank() || request.idempotencyKey().length() > 64) {
                throw HotlineException.invalid("appeal.invalid-idempotency-key", "idempotencyKey 长度须为 1 到 64 个字符");
            }
            return "web:" + appeal.caller().phone() + ":" + request.idempotencyKey();
        }
        long bucket = clock.millis() / REPLAY_WINDOW.toMillis();
        return "web-auto:" + sha256(appeal.caller().phone() + "\n" + appeal.title() + "\n" + appeal.content() + "\n" + bucket);
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // cloning a digest skips the provider lookup of getInstance, 3 % of intake's CPU when done per request
    private static final MessageDigest SHA_256 = sha256Digest();

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Digest();
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
