package org.hotline.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyReplyTest {

    @ParameterizedTest
    @CsvSource({
        "1, , SATISFIED, ",
        "2, , BASICALLY_SATISFIED, ",
        "3, , DISSATISFIED, ",
        "11, , SATISFIED, RESOLVED",
        "32, , DISSATISFIED, PARTLY_RESOLVED",
        "07#13, 07, SATISFIED, UNRESOLVED",
        "'０７＃２１', 07, BASICALLY_SATISFIED, RESOLVED",
        "' 12#3 ', 12, DISSATISFIED, ",
    })
    void readsTheRatingTheResolutionAndTheSurveyCode(String text, String code, Satisfaction satisfaction, Resolution resolution) {
        SurveyReply reply = SurveyReply.parse(text);

        assertThat(reply).isEqualTo(new SurveyReply.Answer(Optional.ofNullable(code), satisfaction, Optional.ofNullable(resolution)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TD", "td", " Td ", "退订"})
    void tdOptsOut(String text) {
        assertThat(SurveyReply.parse(text)).isInstanceOf(SurveyReply.OptOut.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "满意", "1234", "7#1", "07#", "0"})
    void anythingElseIsNotAnAnswer(String text) {
        assertThat(SurveyReply.parse(text)).isInstanceOf(SurveyReply.Unreadable.class);
    }
}
