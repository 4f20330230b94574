package org.hotline.core.app;

import java.util.function.Supplier;
import org.hotline.core.error.HotlineException;

/**
 * Builds domain values from request data (HTTP bodies, use-case inputs): the domain's own
 * validation failures (Chinese messages from its constructors) become 400 problems instead of 500s.
 */
public final class Requests {

    private Requests() {
    }

    public static <T> T build(Supplier<T> construction) {
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
}
