package org.hotline.search.report;

import org.hotline.search.port.CenterTally;

/**
 * The hotline's own measures of a period (docs/measures.md, "Center measures"): direct-answer rate
 * and the contact-center rates from call records. Rates are null without a denominator.
 */
public record CenterRow(CenterTally counts, Double directAnswerRate, Double answerWithin15sRate,
                        Double abandonmentRate, Double averageWaitSeconds, Double averageTalkSeconds) {

    public static CenterRow of(CenterTally c) {
        return new CenterRow(c, ratio(c.answeredDirectly(), c.tickets()), ratio(c.answeredWithin15s(), c.offered()),
                ratio(c.abandoned(), c.offered()), average(c.waitSeconds(), c.offered()), average(c.talkSeconds(), c.answered()));
    }

    private static Double ratio(long numerator, long denominator) {
        return Rates.of(numerator, denominator);
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count * 10.0) / 10.0;
    }
}
