package org.hotline.telephony.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyFiguresTest {

    @Test
    void theResponseRateOfAChannelIsAnsweredOverSurveyed() {
        JsonObject json = new SurveyFigures(Map.of("surveyed:SMS", 8L, "answered:SMS", 6L)).toJson();
        JsonObject sms = json.getJsonArray("channels").getJsonObject(0);
        assertThat(sms.getString("channel")).isEqualTo("SMS");
        assertThat(sms.getLong("surveyed")).isEqualTo(8);
        assertThat(sms.getLong("answered")).isEqualTo(6);
        assertThat(sms.getDouble("responseRate")).isEqualTo(0.75);
    }

    @Test
    void aRateWithoutDenominatorIsNullNotZero() {
        JsonObject json = new SurveyFigures(Map.of()).toJson();
        assertThat(json.getJsonArray("channels").getJsonObject(1).getValue("responseRate")).isNull();
        assertThat(json.getJsonObject("agreement").getValue("agreementRate")).isNull();
        assertThat(json.getJsonObject("dissatisfiedRevisits").getValue("completionRate")).isNull();
    }

    @Test
    void agreementIsCountedOnTheComparedAgreementSample() {
        JsonObject agreement = new SurveyFigures(Map.of("revisit-due:AGREEMENT", 4L, "revisited:AGREEMENT", 3L,
                "agree:satisfaction", 2L, "agree:resolution", 3L, "agree:both", 2L)).toJson().getJsonObject("agreement");
        assertThat(agreement.getLong("sampled")).isEqualTo(4);
        assertThat(agreement.getLong("compared")).isEqualTo(3);
        assertThat(agreement.getDouble("satisfactionAgreementRate")).isEqualTo(0.6667);
        assertThat(agreement.getDouble("resolutionAgreementRate")).isEqualTo(1.0);
        assertThat(agreement.getDouble("agreementRate")).isEqualTo(0.6667);
    }

    @Test
    void monthsAddUpExactly() {
        SurveyFigures sum = new SurveyFigures(Map.of("revisit-due:DISSATISFIED", 2L, "revisited:DISSATISFIED", 1L))
                .plus(new SurveyFigures(Map.of("revisit-due:DISSATISFIED", 3L, "revisited:DISSATISFIED", 3L)));
        JsonObject d = sum.toJson().getJsonObject("dissatisfiedRevisits");
        assertThat(d.getLong("due")).isEqualTo(5);
        assertThat(d.getLong("revisited")).isEqualTo(4);
        assertThat(d.getDouble("completionRate")).isEqualTo(0.8);
    }
}
