package org.hotline.dispatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryLineParserTest {

    @Test
    void aCompleteLineIsAcceptedWithLocalTimesReadAsChinaStandardTime() {
        HistoryLineParser.Parsed parsed = HistoryLineParser.parse(7, "{\"title\":\"噪音\",\"content\":\"工地夜间施工\","
                + "\"category\":\"环境保护\",\"department\":\"生态环境局\",\"appealType\":\"投诉\","
                + "\"receivedAt\":\"2019-05-01 08:30:00\",\"closedAt\":\"2019-05-03T10:00:00Z\"}");
        assertThat(parsed).isInstanceOf(HistoryLineParser.Accepted.class);
        HistoryLine line = ((HistoryLineParser.Accepted) parsed).line();
        assertThat(line.lineNumber()).isEqualTo(7);
        assertThat(line.appealType()).isEqualTo("COMPLAINT");
        assertThat(line.receivedAt()).isEqualTo(Instant.parse("2019-05-01T00:30:00Z"));
        assertThat(line.closedAt()).isEqualTo(Instant.parse("2019-05-03T10:00:00Z"));
    }

    @Test
    void missingRequiredFieldsAndBadTimesAreRejectedWithAReasonNotAnException() {
        assertThat(HistoryLineParser.parse(1, "{\"title\":\"a\",\"content\":\"b\"}"))
                .isEqualTo(new HistoryLineParser.Rejected(1, "缺少必填字段 category"));
        assertThat(HistoryLineParser.parse(2, "[1,2]")).isInstanceOf(HistoryLineParser.Rejected.class);
        assertThat(HistoryLineParser.parse(3, "{\"title\":\"a\",\"content\":\"b\",\"category\":\"c\",\"closedAt\":\"昨天\"}"))
                .isInstanceOf(HistoryLineParser.Rejected.class);
        assertThat(HistoryLineParser.parse(4, "   ")).isInstanceOf(HistoryLineParser.Blank.class);
    }

    @Test
    void theSameTicketHasTheSameFingerprintOnAnyLine() {
        String json = "{\"title\":\"a\",\"content\":\"b\",\"category\":\"c\"}";
        HistoryLine first = ((HistoryLineParser.Accepted) HistoryLineParser.parse(1, json)).line();
        HistoryLine again = ((HistoryLineParser.Accepted) HistoryLineParser.parse(99, json)).line();
        assertThat(first.fingerprint()).isEqualTo(again.fingerprint()).hasSize(24);
    }
}
