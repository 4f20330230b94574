package org.hotline.telephony.survey;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.core.stream.TicketEventEntry;
import org.hotline.telephony.survey.SurveyCampaign.Plan;
import org.hotline.telephony.survey.SurveyCampaign.Revisit;

/**
 * Keeps the campaign's ledger from the ticket events (measures in docs/surveys.md). A ticket counts in
 * the month its reply was accepted (its cohort), once: its first visit round; after 重办 or 办结 it
 * leaves the re-visit list and later events about it count nothing more.
 * <ul>
 *   <li>reply accepted: the campaign's plan (robot or agent), settled once for every node and channel;</li>
 *   <li>a survey message or call (SMS {@code survey} submitted, any {@code voice-survey} call attempt): surveyed by that channel;</li>
 *   <li>a robot's visit: answered by its channel (when rated), and the re-visits it calls for;</li>
 *   <li>an agent's visit: the re-visit of a robot-visited ticket due for one (agreement compared on the
 *       agreement sample), else the agent's own first visit, surveyed and answered by agent phone.</li>
 * </ul>
 */
public final class SurveyLedgerEvents {

    /** The system actors of the SMS channel and of the voice survey (VoiceSurveyVerticle); no other robot visits. */
    static final String SMS_COMPONENT = "sms-survey";
    static final String VOICE_COMPONENT = "voice-survey";
    static final String SURVEY_PURPOSE = "survey";
    /** The voice survey's purpose (VoiceSurveyVerticle): every call attempt is one such message. */
    static final String VOICE_PURPOSE = "voice-survey";
    private static final String ENDED = "ended";

    private final RedisSurveyLedger ledger;
    private final ZoneId zone;

    public SurveyLedgerEvents(RedisSurveyLedger ledger, ZoneId zone) {
        this.ledger = ledger;
        this.zone = zone;
    }

    public Future<Void> on(TicketEventEntry entry) {
        return switch (entry.type()) {
            case REPLY_ACCEPTED -> plan(entry.ticketId(), entry.at()).mapEmpty();
            case MESSAGE_RECORDED -> surveyed(entry);
            case RETURN_VISIT_RECORDED -> visited(entry);
            case TICKET_REOPENED, TICKET_CLOSED -> ledger.settle(entry.ticketId(), ENDED, entry.type().name())
                    .compose(v -> ledger.offRevisitList(entry.ticketId()));
            default -> Future.succeededFuture();
        };
    }

    /** The campaign's plan for a reviewed ticket; whoever asks first (this ledger, the SMS or voice channel) settles it. */
    public Future<Plan> plan(String ticketId, Instant acceptedAt) {
        String month = month(acceptedAt);
        return ledger.campaign()
                .compose(c -> ledger.settle(ticketId, "month", month).compose(m -> ledger.settle(ticketId, "plan", c.plan(ticketId).name())
                        .compose(plan -> Plan.valueOf(plan) == Plan.AGENT ? ledger.count(m, Measure.surveyed(Channel.AGENT), ticketId)
                                .map(Plan.AGENT) : Future.succeededFuture(Plan.ROBOT))));
    }

    private Future<Void> surveyed(TicketEventEntry entry) {
        JsonObject e = entry.event();
        Channel channel = "VOICE".equals(e.getString("channel")) ? Channel.VOICE : Channel.SMS;
        boolean placed = channel == Channel.VOICE ? VOICE_PURPOSE.equals(e.getString("purpose"))
                : SURVEY_PURPOSE.equals(e.getString("purpose")) && "submitted".equals(e.getString("outcome"));
        if (!placed) {
            return Future.succeededFuture();
        }
        return open(entry).compose(t -> t == null ? Future.<Void>succeededFuture()
                : ledger.count(t.get("month"), Measure.surveyed(channel), entry.ticketId()));
    }

    private Future<Void> visited(TicketEventEntry entry) {
        JsonObject actor = entry.event().getJsonObject("actor", new JsonObject());
        String role = actor.getString("role", "");
        Answer answer = Answer.of(entry.event());
        String user = actor.getString("userId", "");
        Channel robot = user.equals("system:" + SMS_COMPONENT) ? Channel.SMS : user.equals("system:" + VOICE_COMPONENT) ? Channel.VOICE : null;
        return switch (role) {
            case "SYSTEM" -> robot == null ? Future.succeededFuture() : open(entry).compose(t -> t == null ? Future.<Void>succeededFuture()
                    : robotVisited(entry, t, robot, answer));
            case "AGENT", "SUPERVISOR" -> open(entry).compose(t -> t == null ? Future.<Void>succeededFuture() : agentVisited(entry, t, answer));
            default -> Future.succeededFuture();
        };
    }

    private Future<Void> robotVisited(TicketEventEntry entry, Map<String, String> t, Channel channel, Answer answer) {
        String id = entry.ticketId();
        String month = t.get("month");
        Future<Void> answered = answer.rated() ? ledger.count(month, Measure.answered(channel), id) : Future.succeededFuture();
        return answered.compose(v -> ledger.settle(id, "robot", answer.wire()))
                .compose(first -> ledger.campaign().compose(c -> ledger.settle(id, "revisit", names(c.revisits(id,
                        Answer.read(first).resolution(), Answer.read(first).satisfaction())))))
                .compose(reasons -> dueForRevisit(id, month, reasons(reasons), entry.at()));
    }

    private Future<Void> dueForRevisit(String id, String month, Set<Revisit> reasons, Instant at) {
        if (reasons.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Future<Void>> counted = new ArrayList<>();
        reasons.forEach(r -> counted.add(ledger.count(month, Measure.revisitDue(r), id)));
        return Future.all(counted).compose(v -> ledger.dueForRevisit(id, at));
    }

    private Future<Void> agentVisited(TicketEventEntry entry, Map<String, String> t, Answer answer) {
        String id = entry.ticketId();
        String month = t.get("month");
        Set<Revisit> reasons = reasons(t.getOrDefault("revisit", ""));
        if (t.containsKey("robot") && !reasons.isEmpty()) {
            return ledger.settle(id, "agent", answer.wire()).compose(agent -> revisited(id, month, reasons,
                    Answer.read(t.get("robot")), Answer.read(agent)));
        }
        if (t.containsKey("robot")) {
            return Future.succeededFuture();
        }
        Future<Void> answered = answer.rated() ? ledger.count(month, Measure.answered(Channel.AGENT), id) : Future.succeededFuture();
        return ledger.count(month, Measure.surveyed(Channel.AGENT), id).compose(v -> answered);
    }

    private Future<Void> revisited(String id, String month, Set<Revisit> reasons, Answer robot, Answer agent) {
        List<Future<Void>> counted = new ArrayList<>();
        reasons.forEach(r -> counted.add(ledger.count(month, Measure.revisited(r), id)));
        if (reasons.contains(Revisit.AGREEMENT)) {
            boolean sameSatisfaction = robot.satisfaction() == agent.satisfaction();
            boolean sameResolution = robot.resolution() == agent.resolution();
            if (sameSatisfaction) {
                counted.add(ledger.count(month, Measure.SAME_SATISFACTION, id));
            }
            if (sameResolution) {
                counted.add(ledger.count(month, Measure.SAME_RESOLUTION, id));
            }
            if (sameSatisfaction && sameResolution) {
                counted.add(ledger.count(month, Measure.SAME_BOTH, id));
            }
        }
        return Future.all(counted).compose(v -> ledger.offRevisitList(id));
    }

    /** The ticket's ledger hash while its first round is open (a month settled), else null. */
    private Future<Map<String, String>> open(TicketEventEntry entry) {
        return ledger.settle(entry.ticketId(), "month", month(entry.at())).compose(m -> ledger.ticket(entry.ticketId()))
                .map(t -> t.containsKey(ENDED) ? null : t);
    }

    private String month(Instant at) {
        return YearMonth.from(at.atZone(zone)).toString();
    }

    private static String names(Set<Revisit> reasons) {
        return reasons.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Revisit> reasons(String names) {
        Set<Revisit> reasons = EnumSet.noneOf(Revisit.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                reasons.add(Revisit.valueOf(name));
            }
        }
        return reasons;
    }

    /** A visit's two answers, kept in the hash as {@code RESOLUTION|SATISFACTION}. */
    record Answer(Resolution resolution, Satisfaction satisfaction) {
        static Answer of(JsonObject event) {
            return new Answer(Resolution.valueOf(event.getString("resolution")), Satisfaction.valueOf(event.getString("satisfaction")));
        }

        static Answer read(String wire) {
            String[] parts = wire.split("\\|");
            return new Answer(Resolution.valueOf(parts[0]), Satisfaction.valueOf(parts[1]));
        }

        String wire() {
            return resolution.name() + "|" + satisfaction.name();
        }

        boolean rated() {
            return satisfaction != Satisfaction.NO_RATING;
        }
    }
}
