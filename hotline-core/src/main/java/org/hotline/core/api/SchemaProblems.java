package org.hotline.core.api;

import io.vertx.json.schema.OutputUnit;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.error.HotlineException;

/**
 * Turns a failed schema validation into one Chinese 400 naming the field. Of the validator's
 * errors the most specific one counts (the deepest keyword: "maxLength of title" rather than
 * "a subschema had errors"); codes are those of strict binding for the same fault, so a client
 * sees the same code whichever check caught it.
 */
final class SchemaProblems {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern LIMIT = Pattern.compile("[<>]=? ?(\\d+)\\)");

    private SchemaProblems() {
    }

    static HotlineException of(OutputUnit result, String parameter, boolean isQuery) {
        List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result) : result.getErrors();
        OutputUnit worst = errors.stream().max(Comparator.comparingInt(SchemaProblems::depth)).orElse(result);
        String keyword = keyword(worst);
        String field = parameter != null ? parameter : "字段 " + field(worst, keyword);
        if (isQuery) {
            return HotlineException.invalid("request.invalid-parameter", parameter + " " + describe(keyword, worst));
        }
        return switch (keyword) {
            case "type", "enum", "const" -> HotlineException.invalid("request.wrong-type", field + " 的类型或取值错误");
            case "additionalProperties", "unevaluatedProperties" ->
                HotlineException.invalid("request.unknown-field", "未知字段：" + field(worst, keyword));
            case "required" -> HotlineException.invalid("request.missing-field", "缺少必填字段：" + field(worst, keyword));
            default -> HotlineException.invalid("request.invalid-field", field + " " + describe(keyword, worst));
        };
    }

    private static String describe(String keyword, OutputUnit error) {
        String limit = limit(error);
        return switch (keyword) {
            case "maxLength" -> "超过最大长度" + limit;
            case "minLength" -> "长度不足" + limit;
            case "maximum", "exclusiveMaximum" -> "超过允许的最大值" + limit;
            case "minimum", "exclusiveMinimum" -> "低于允许的最小值" + limit;
            case "maxItems" -> "的条目过多" + limit;
            case "minItems" -> "的条目过少" + limit;
            case "pattern", "format" -> "的格式不正确";
            case "type", "enum", "const" -> "的类型或取值错误";
            default -> "不符合接口文档的要求";
        };
    }

    private static int depth(OutputUnit error) {
        String location = error.getKeywordLocation();
        return location == null ? 0 : location.split("/").length;
    }

    private static String keyword(OutputUnit error) {
        String location = error.getKeywordLocation() == null ? "" : error.getKeywordLocation();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** {@code #/caller/phone} → {@code caller.phone}; a missing or unknown property is named in the message. */
    private static String field(OutputUnit error, String keyword) {
        String location = error.getInstanceLocation() == null ? "#" : error.getInstanceLocation();
        String path = location.replaceFirst("^#/?", "").replace('/', '.');
        if ("required".equals(keyword)) {
            Matcher quoted = QUOTED.matcher(error.getError() == null ? "" : error.getError());
            String missing = quoted.find() ? quoted.group(1) : "?";
            return path.isEmpty() ? missing : path + "." + missing;
        }
        return path.isEmpty() ? "（请求体）" : path;
    }

    private static String limit(OutputUnit error) {
        Matcher number = LIMIT.matcher(error.getError() == null ? "" : error.getError());
        return number.find() ? "（" + number.group(1) + "）" : "";
    }
}
