package org.hotline.telephony.survey;

import java.util.ArrayList;
import java.util.List;
import org.hotline.telephony.survey.SurveyCampaign.Revisit;

/** The names of the ledger's monthly ticket sets (docs/surveys.md). */
final class Measure {

    static final String SAME_SATISFACTION = "agree:satisfaction";
    static final String SAME_RESOLUTION = "agree:resolution";
    static final String SAME_BOTH = "agree:both";

    private Measure() {
    }

    static String surveyed(Channel channel) {
        return "surveyed:" + channel;
    }

    static String answered(Channel channel) {
        return "answered:" + channel;
    }

    static String revisitDue(Revisit reason) {
        return "revisit-due:" + reason;
    }

    static String revisited(Revisit reason) {
        return "revisited:" + reason;
    }

    static List<String> all() {
        List<String> all = new ArrayList<>();
        for (Channel c : Channel.values()) {
            all.add(surveyed(c));
            all.add(answered(c));
        }
        for (Revisit r : Revisit.values()) {
            all.add(revisitDue(r));
            all.add(revisited(r));
        }
        all.addAll(List.of(SAME_SATISFACTION, SAME_RESOLUTION, SAME_BOTH));
        return all;
    }
}
