package org.hotline.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/** The shipped log4j2.xml, loaded into a context of its own, writing to a captured standard output. */
class MaskPersonalDataTest {

    @Test
    void mobileLandlineAndIdCardNumbersAreMaskedInEveryLoggersLines() {
        String output = captured(log -> {
            log.info("caller rang [phone=13800138000, landline=0371-12345678]");
            log.warn("citizen said: 我的身份证号 41010219900101123X, call back on 13912345678");
        }, "org.hotline.core.api.AppealRoutes");

        assertThat(output).contains("138****8000", "0371-****5678", "410102********123X", "139****5678")
            .doesNotContain("13800138000", "12345678", "41010219900101123X", "13912345678");
    }

    @Test
    void aLibrarysLoggerIsMaskedToo() {
        String output = captured(log -> log.warn("channel PJSIP/trunk-00000001 from 13700137000"), "org.asteriskjava.manager");

        assertThat(output).contains("137****7000").doesNotContain("13700137000");
    }

    @Test
    void aLineWithoutPersonalNumbersIsPrintedAsLogged() {
        String output = captured(log -> log.info("ticket committed [id={}, version={}, port={}]", "t-42", 7, 8080),
            "org.hotline.core.redis.RedisTicketStore");

        assertThat(output).contains("ticket committed [id=t-42, version=7, port=8080]");
    }

    private static String captured(Consumer<Logger> logging, String loggerName) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext("masking-test");
        try {
            // the console appenders follow System.out (follow="true"), so the lines land in the capture
            context.setConfigLocation(MaskPersonalDataTest.class.getResource("/log4j2.xml").toURI());
            logging.accept(context.getLogger(loggerName));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            context.stop();
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
