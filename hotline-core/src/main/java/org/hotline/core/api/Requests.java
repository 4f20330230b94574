package org.hotline.core.api;

import java.util.function.Supplier;
import org.hotline.core.error.HotlineException;

/**
 * Builds domain values from request data: the domain's own validation failures (Chinese
 * messages from its constructors) become 400 problems instead of 500s.
 */
final class Requests {

    private Requests() {
    }

    static <T> T build(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (HotlineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw HotlineException.invalid("request.invalid-field", e.getMessage() == null ? "字段取值无效" : e.getMessage());
        } catch (NullPointerException e) {
            throw HotlineException.invalid("request.missing-field", "缺少必填字段" + (e.getMessage() == null ? "" : "：" + e.getMessage()));
        }
    }

    static int intParam(String value, int fallback, int min, int max, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw HotlineException.invalid("request.invalid-parameter", "参数 " + name + " 须在 " + min + " 到 " + max + " 之间");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw HotlineException.invalid("request.invalid-parameter", "参数 " + name + " 须为整数");
        }
    }
}
