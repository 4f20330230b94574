package org.hotline.telephony.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Set;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;

/**
 * How reviewed tickets are visited (回访 campaign, docs/surveys.md): which share the robot surveys (SMS,
 * voice) — the rest stay on the agents' 待回访 list —, whether every dissatisfied or unresolved robot
 * answer is re-visited by an agent, and what share of robot-visited tickets an agent re-visits to
 * measure agreement. Samples are drawn from the ticket id and the {@code seed}: the same campaign picks
 * the same tickets every time, on every node.
 */
public record SurveyCampaign(double robotRate, boolean revisitDissatisfied, double agreementRate, String seed) {

    /** Every ticket by robot, every dissatisfied answer re-visited, one in twenty re-visited for agreement. */
    public static final SurveyCampaign DEFAULT = new SurveyCampaign(1.0, true, 0.05, "12345");

    public SurveyCampaign {
        requireRate(robotRate, "robotRate", "机器回访抽样比例");
        requireRate(agreementRate, "agreementRate", "一致性复核抽样比例");
        if (seed == null || seed.isBlank() || seed.length() > 64) {
            throw HotlineException.invalid("survey.bad-seed", "抽样种子须为 1–64 个字符");
        }
    }

    /** Who visits the ticket first. */
    public enum Plan { ROBOT, AGENT }

    /** Why an agent re-visits a robot-visited ticket; a ticket may be both. */
    public enum Revisit { DISSATISFIED, AGREEMENT }

    public Plan plan(String ticketId) {
        return draw("robot", ticketId) < robotRate ? Plan.ROBOT : Plan.AGENT;
    }

    /** The re-visits a robot's answer calls for: the agreement sample is drawn without looking at the answer. */
    public Set<Revisit> revisits(String ticketId, Resolution resolution, Satisfaction satisfaction) {
        Set<Revisit> reasons = EnumSet.noneOf(Revisit.class);
        if (revisitDissatisfied && (satisfaction == Satisfaction.DISSATISFIED || resolution == Resolution.UNRESOLVED)) {
            reasons.add(Revisit.DISSATISFIED);
        }
        if (draw("agreement", ticketId) < agreementRate) {
            reasons.add(Revisit.AGREEMENT);
        }
        return reasons;
    }

    /** A number in [0, 1) fixed by the seed, the purpose and the ticket id; purposes draw independently. */
    double draw(String purpose, String ticketId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((seed + '\n' + purpose + '\n' + ticketId).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void requireRate(double rate, String field, String label) {
        if (Double.isNaN(rate) || rate < 0 || rate > 1) {
            throw HotlineException.invalid("survey.bad-rate", label + "（" + field + "）须在 0 到 1 之间");
        }
    }
}
