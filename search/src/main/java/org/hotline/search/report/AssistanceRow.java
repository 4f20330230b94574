package org.hotline.search.report;

import org.hotline.search.port.AssistanceTally;

/**
 * A unit's figures as an assisting unit (协办): its parts, 协办签收及时率 and 协办意见及时率; a rate is null
 * when nothing was due. Kept apart from the lead's figures of {@link DepartmentRow}, which it does not change.
 */
public record AssistanceRow(AssistanceTally counts, Double onTimeSignRate, Double onTimeOpinionRate) {

    public static AssistanceRow of(AssistanceTally c) {
        return new AssistanceRow(c, Rates.of(c.signedOnTime(), c.signDue()), Rates.of(c.answeredOnTime(), c.opinionDue()));
    }
}
