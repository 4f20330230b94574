package org.hotline.core.api;

import org.hotline.core.error.HotlineException;

/** Query parameters of the service API's routes, checked with a Chinese 400 that names them. */
final class QueryParams {

    private QueryParams() {
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
