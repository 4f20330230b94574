package org.hotline.telephony.survey;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.hotline.telephony.survey.SurveyCampaign.Revisit;

/**
 * The visit process's figures over one or more months (docs/surveys.md): per channel how many tickets
 * were surveyed and answered, the agreement of robot and agent on the agreement sample, and how many
 * dissatisfied robot answers an agent re-visited. Counts are exact; a rate without a denominator is null.
 */
public record SurveyFigures(Map<String, Long> counts) {

    public SurveyFigures {
        counts = Map.copyOf(counts);
    }

    /** The sum of several months' counts (a ticket belongs to one month, so sums stay exact). */
    public SurveyFigures plus(SurveyFigures other) {
        Map<String, Long> sum = new HashMap<>(counts);
        other.counts.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new SurveyFigures(sum);
    }

    public long count(String measure) {
        return counts.getOrDefault(measure, 0L);
    }

    public JsonObject toJson() {
        JsonArray channels = new JsonArray();
        for (Channel c : Channel.values()) {
            long surveyed = count(Measure.surveyed(c));
            long answered = count(Measure.answered(c));
            channels.add(new JsonObject().put("channel", c.name()).put("surveyed", surveyed).put("answered", answered)
                    .put("responseRate", rate(answered, surveyed)));
        }
        long compared = count(Measure.revisited(Revisit.AGREEMENT));
        JsonObject agreement = new JsonObject().put("sampled", count(Measure.revisitDue(Revisit.AGREEMENT))).put("compared", compared)
                .put("sameSatisfaction", count(Measure.SAME_SATISFACTION)).put("sameResolution", count(Measure.SAME_RESOLUTION))
                .put("sameBoth", count(Measure.SAME_BOTH))
                .put("satisfactionAgreementRate", rate(count(Measure.SAME_SATISFACTION), compared))
                .put("resolutionAgreementRate", rate(count(Measure.SAME_RESOLUTION), compared))
                .put("agreementRate", rate(count(Measure.SAME_BOTH), compared));
        long due = count(Measure.revisitDue(Revisit.DISSATISFIED));
        long done = count(Measure.revisited(Revisit.DISSATISFIED));
        JsonObject dissatisfied = new JsonObject().put("due", due).put("revisited", done).put("completionRate", rate(done, due));
        return new JsonObject().put("channels", channels).put("agreement", agreement).put("dissatisfiedRevisits", dissatisfied);
    }

    /** A share rounded to four places, null without a denominator. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
