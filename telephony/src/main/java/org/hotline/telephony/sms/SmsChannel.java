package org.hotline.telephony.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hotline.core.app.TicketOperations;
import org.hotline.core.error.ErrorKind;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Actor;
import org.hotline.core.model.Caller;
import org.hotline.core.model.Command;
import org.hotline.core.model.MessageChannel;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Ticket;
import org.hotline.core.model.TicketId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to citizens and their answers. A notice or survey is queued only for a mobile number whose
 * caller neither asked for confidentiality nor opted out (they get nothing they did not ask for); the
 * outbox waits out the quiet hours. Each submit, receipt, opt-out and answer is recorded on the ticket
 * by the system actor {@value #COMPONENT}; an answer goes through the ordinary return-visit command, so
 * every rule of 回访 holds. Logs carry ticket ids and message ids, never a number or a text.
 */
public final class SmsChannel {

    public static final String COMPONENT = "sms-survey";
    private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);
    private static final int RECORD_ROUNDS = 12;
    private static final long BUSY_PAUSE_MS = 250;

    private final Vertx vertx;
    private final SmsConfig config;
    private final RedisSmsBook book;
    private final TicketOperations tickets;
    private final Clock clock;
    private final Actor system = Actor.system(COMPONENT);

    public SmsChannel(Vertx vertx, SmsConfig config, RedisSmsBook book, TicketOperations tickets, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.book = book;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Queues a notice (receipt, reply notice) to the ticket's caller; nothing when the caller may not get one. */
    public Future<Boolean> notice(Addressee ticket, String purpose) {
        return eligible(ticket).compose(ok -> !ok ? Future.succeededFuture(false)
                : text(purpose, values(ticket, "")).compose(text -> queue(ticket, purpose, text, null, clock.instant()))
                        .map(true));
    }

    /** Opens a survey (a two-digit code for this phone) and queues its question after {@code delay}. */
    public Future<Boolean> survey(Addressee ticket, java.time.Duration delay) {
        return eligible(ticket).compose(ok -> !ok ? Future.succeededFuture(false)
                : book.openSurvey(ticket.phone(), ticket.ticketId())
                        .compose(code -> text(SmsTemplates.SURVEY, values(ticket, code))
                                .compose(text -> queue(ticket, SmsTemplates.SURVEY, text, code, clock.instant().plus(delay))))
                        .compose(v -> book.count("survey.sms.sent")).map(true));
    }

    /** A text to a handling unit's duty phone (deadline notices, urges): not subject to a citizen's opt-out. */
    public Future<Void> toHandler(String ticketId, String phone, String purpose, Map<String, String> values) {
        return text(purpose, values).compose(text -> book.enqueue(
                new Outgoing(UUID.randomUUID().toString(), ticketId, phone, purpose, text, null), clock.instant()));
    }

    /** The gateway answered the submit: recorded on the ticket, and the first part's id kept for its receipt. */
    public Future<Void> submitted(Outgoing message, String firstMessageId) {
        return book.rememberSent(firstMessageId, message.ticketId(), message.purpose(), message.phone())
                .compose(v -> record(message.ticketId(), message.purpose(), "submitted", firstMessageId))
                .compose(v -> book.takeParkedReceipt(firstMessageId))
                .compose(early -> early.isEmpty() ? Future.<Void>succeededFuture()
                        : record(message.ticketId(), message.purpose(), early.get(), firstMessageId));
    }

    public Future<Void> failed(Outgoing message, String reason) {
        return record(message.ticketId(), message.purpose(), "failed", message.id());
    }

    /**
     * A delivery receipt from the center, recorded on the ticket it was about. A center may send the
     * receipt before our submit got its response; such a receipt waits for the response. Centers
     * reuse message ids (after a restart, say), so a remembered id counts only for the same number.
     */
    public Future<Void> receipt(String messageId, String phone, boolean delivered, String state) {
        String outcome = delivered ? "delivered" : "undelivered " + state;
        return book.sent(messageId).compose(sent -> !sameMessage(sent, phone)
                ? book.parkReceipt(messageId, outcome).compose(v -> recheck(messageId, phone))
                : record(sent.get("ticketId"), sent.get("purpose"), outcome, messageId));
    }

    private static boolean sameMessage(Map<String, String> sent, String phone) {
        String to = sent.getOrDefault("phone", "");
        return !to.isEmpty() && (phone == null || phone.isBlank() || phone.endsWith(to));
    }

    /** The response may have come while the receipt was parked: whoever deletes the parked receipt records it. */
    private Future<Void> recheck(String messageId, String phone) {
        return book.sent(messageId).compose(sent -> !sameMessage(sent, phone) ? Future.<Void>succeededFuture()
                : book.takeParkedReceipt(messageId).compose(early -> early.isEmpty() ? Future.<Void>succeededFuture()
                        : record(sent.get("ticketId"), sent.get("purpose"), early.get(), messageId)));
    }

    /** A citizen's message: an opt-out, an answer to one of their open surveys, or something we cannot read. */
    public Future<Void> incoming(String from, String text) {
        if (!Caller.isValidPhone(from == null ? "" : from)) {
            return Future.succeededFuture();
        }
        String phone = new Caller(null, from, false, true).phone();
        SurveyReply reply = SurveyReply.parse(text);
        if (reply instanceof SurveyReply.OptOut) {
            return book.optOut(phone).compose(v -> confirmOptOut(phone));
        }
        return book.openSurveys(phone).compose(open -> {
            if (open.isEmpty()) {
                return Future.succeededFuture();
            }
            if (reply instanceof SurveyReply.Answer answer) {
                String code = answer.code().orElse(open.size() == 1 ? open.keySet().iterator().next() : null);
                if (code != null && open.containsKey(code)) {
                    return answer(phone, code, open.get(code), answer);
                }
            }
            // unreadable, or no code while several surveys are open: never guess, ask for the form
            String example = open.keySet().stream().sorted().findFirst().orElse("01");
            return text(SmsTemplates.REPLY_FORM, Map.of("code", example))
                    .compose(t -> queueTo(null, phone, SmsTemplates.REPLY_FORM, t, clock.instant(), null));
        });
    }

    private Future<Void> answer(String phone, String code, String ticketId, SurveyReply.Answer answer) {
        Command visit = new Command.RecordReturnVisit(answer.resolution().orElse(Resolution.RESOLVED), answer.satisfaction(),
                answer.resolution().isPresent() ? "短信回访" : "短信回访（未答解决情况，按已解决记录）");
        return book.closeSurvey(phone, code).compose(first -> !first ? Future.<Void>succeededFuture()
                : applyPersistently(new TicketId(ticketId), visit, RECORD_ROUNDS)
                        .compose(ticket -> book.count("survey.sms.answered"))
                        .compose(v -> thanks(phone, ticketId))
                        .recover(e -> {
                            LOG.warn("sms survey answer not recorded [ticketId={}, reason={}]", ticketId, e.getMessage());
                            return Future.succeededFuture();
                        }));
    }

    private Future<Void> thanks(String phone, String ticketId) {
        return tickets.findById(new TicketId(ticketId)).compose(found -> found.isEmpty() ? Future.<Void>succeededFuture()
                : text(SmsTemplates.SURVEY_THANKS, Map.of("number", found.get().number().value()))
                        .compose(t -> queueTo(ticketId, phone, SmsTemplates.SURVEY_THANKS, t, clock.instant(), null)));
    }

    private Future<Void> confirmOptOut(String phone) {
        return text(SmsTemplates.OPT_OUT_CONFIRMED, Map.of())
                .compose(t -> queueTo(null, phone, SmsTemplates.OPT_OUT_CONFIRMED, t, clock.instant(), null));
    }

    private Future<Boolean> eligible(Addressee ticket) {
        if (ticket.phone() == null || ticket.confidential() || !ticket.phone().matches("1[3-9]\\d{9}")) {
            return Future.succeededFuture(false);
        }
        return book.optedOut(ticket.phone()).map(out -> !out);
    }

    private Future<Void> queue(Addressee ticket, String purpose, String text, String code, Instant at) {
        return queueTo(ticket.ticketId(), ticket.phone(), purpose, text, at, code);
    }

    private Future<Void> queueTo(String ticketId, String phone, String purpose, String text, Instant at, String code) {
        Outgoing message = new Outgoing(UUID.randomUUID().toString(), ticketId, phone, purpose, text, code);
        return book.enqueue(message, config.quiet().nextAllowed(at));
    }

    private Future<String> text(String purpose, Map<String, String> values) {
        return book.template(purpose).map(stored -> SmsTemplates.render(
                stored.orElse(SmsTemplates.DEFAULTS.get(purpose)), values));
    }

    private Map<String, String> values(Addressee ticket, String code) {
        String link = SmsTemplates.render(config.progressUrl(), Map.of(
                "number", URLEncoder.encode(ticket.number(), StandardCharsets.UTF_8),
                "queryCode", URLEncoder.encode(ticket.queryCode(), StandardCharsets.UTF_8)));
        return Map.of("number", ticket.number(), "queryCode", ticket.queryCode(), "link", link, "code", code);
    }

    private Future<Void> record(String ticketId, String purpose, String outcome, String reference) {
        if (ticketId == null || ticketId.isEmpty()) {
            return Future.succeededFuture();
        }
        Command command = new Command.RecordMessage(MessageChannel.SMS, purpose, outcome, reference);
        return applyPersistently(new TicketId(ticketId), command, RECORD_ROUNDS).<Void>mapEmpty()
                .recover(e -> {
                    LOG.warn("sms event not recorded [ticketId={}, purpose={}, reason={}]", ticketId, purpose, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /**
     * Receipts, submits and answers about one ticket arrive together (a receipt, a notice and a survey
     * within a second); each round already re-decides a few times on a concurrent change, and a busy
     * ticket gets more rounds so that its trail misses no message. A ticket store that sheds load
     * (thousands of answers at once) is given a growing pause before the next round.
     */
    private Future<Ticket> applyPersistently(TicketId id, Command command, int rounds) {
        return tickets.apply(id, command, system).recover(e -> {
            if (rounds <= 1 || !(e instanceof HotlineException h)) {
                return Future.failedFuture(e);
            }
            if (h.kind() == ErrorKind.CONFLICT) {
                return applyPersistently(id, command, rounds - 1);
            }
            if (h.kind() == ErrorKind.UNAVAILABLE) {
                // growing and spread out, so thousands of answers shed at once do not return at once
                long pause = BUSY_PAUSE_MS * (RECORD_ROUNDS - rounds + 1) + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000);
                return vertx.timer(pause).compose(v -> applyPersistently(id, command, rounds - 1));
            }
            return Future.failedFuture(e);
        });
    }
}
