package org.hotline.telephony.sms;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;

/**
 * What a citizen's short message (MO) says, read leniently (full-width digits, spaces, 「#」 or 「＃」).
 * The documented form (docs/sms.md) is {@code [编号#]满意度[解决情况]}: the survey's two-digit code
 * and 「#」 when the citizen has more than one survey open, then 1 满意 / 2 基本满意 / 3 不满意, then
 * optionally 1 已解决 / 2 部分解决 / 3 未解决. 「TD」 (退订) opts out. Anything else is not an answer.
 */
public sealed interface SurveyReply {

    /** An answer; {@code code} is empty when the citizen did not name the survey. */
    record Answer(Optional<String> code, Satisfaction satisfaction, Optional<Resolution> resolution) implements SurveyReply { }

    /** 回复TD: no more messages to this number. */
    record OptOut() implements SurveyReply { }

    /** Not a form we read; the citizen is told the form once. */
    record Unreadable() implements SurveyReply { }

    Pattern ANSWER = Pattern.compile("(?:(\\d{2})#)?([123])([123])?");

    static SurveyReply parse(String text) {
        if (text == null) {
            return new Unreadable();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase();
        if (s.equals("TD") || s.equals("退订")) {
            return new OptOut();
        }
        Matcher m = ANSWER.matcher(s);
        if (!m.matches()) {
            return new Unreadable();
        }
        Satisfaction satisfaction = switch (m.group(2)) {
            case "1" -> Satisfaction.SATISFIED;
            case "2" -> Satisfaction.BASICALLY_SATISFIED;
            default -> Satisfaction.DISSATISFIED;
        };
        Optional<Resolution> resolution = Optional.ofNullable(m.group(3)).map(d -> switch (d) {
            case "1" -> Resolution.RESOLVED;
            case "2" -> Resolution.PARTLY_RESOLVED;
            default -> Resolution.UNRESOLVED;
        });
        return new Answer(Optional.ofNullable(m.group(1)), satisfaction, resolution);
    }
}
