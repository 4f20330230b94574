package org.hotline.telephony.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts the center sends, by purpose, with {@code {placeholders}}. Administrators may replace
 * any of them (PUT /api/telephony/sms/templates/{purpose}); a purpose nobody changed keeps its
 * default. A template may use only the placeholders its purpose offers, so a typo is refused when it
 * is stored instead of reaching a citizen as 「{numbr}」.
 */
public final class SmsTemplates {

    public static final String RECEIPT = "receipt";
    public static final String REPLY_NOTICE = "reply-notice";
    public static final String SURVEY = "survey";
    public static final String SURVEY_THANKS = "survey-thanks";
    public static final String REPLY_FORM = "reply-form";
    public static final String OPT_OUT_CONFIRMED = "opt-out-confirmed";
    public static final String HANDLER_YELLOW = "handler-yellow";
    public static final String HANDLER_RED = "handler-red";
    public static final String HANDLER_URGE = "handler-urge";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final int MAX_LENGTH = 500;

    /** Default text and the placeholders each purpose offers. */
    static final Map<String, String> DEFAULTS = defaults();

    private SmsTemplates() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(RECEIPT, "【12345】您的诉求已受理，工单号{number}，查询码{queryCode}。可拨打12345或访问{link}查询进度。回复TD退订");
        d.put(REPLY_NOTICE, "【12345】您的工单{number}已办结答复，详情见{link}（查询码{queryCode}）。回复TD退订");
        d.put(SURVEY, "【12345】回访：您的工单{number}办理结果您是否满意？请回复{code}#加数字：1满意 2基本满意 3不满意；"
                + "可再加一位：1已解决 2部分解决 3未解决（如{code}#11）。回复TD退订");
        d.put(SURVEY_THANKS, "【12345】感谢您对工单{number}的评价，我们将持续改进。");
        d.put(REPLY_FORM, "【12345】未能识别您的回复。请按回访短信提示回复，如：{code}#11。回复TD退订");
        d.put(OPT_OUT_CONFIRMED, "【12345】退订成功，您将不再收到12345的通知与回访短信。");
        d.put(HANDLER_YELLOW, "【12345】黄牌预警：工单{number}将于{dueAt}到期，请及时办理。");
        d.put(HANDLER_RED, "【12345】红牌超期：工单{number}已于{dueAt}超期，请立即办理。");
        d.put(HANDLER_URGE, "【12345】催办：工单{number}，{reason}");
        return Map.copyOf(d);
    }

    public static boolean known(String purpose) {
        return DEFAULTS.containsKey(purpose);
    }

    /** Refuses (with a Chinese message) a template that is empty, too long or names a placeholder its purpose lacks. */
    public static void check(String purpose, String text) {
        if (!known(purpose)) {
            throw new IllegalArgumentException("未知的短信模板：" + purpose);
        }
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("短信模板不能为空且不超过" + MAX_LENGTH + "字");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!DEFAULTS.get(purpose).contains("{" + m.group(1) + "}")) {
                throw new IllegalArgumentException("模板" + purpose + "不支持占位符{" + m.group(1) + "}");
            }
        }
    }

    /** Fills the placeholders; one without a value stays empty rather than showing braces. */
    public static String render(String template, Map<String, String> values) {
        Objects.requireNonNull(template, "template");
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
