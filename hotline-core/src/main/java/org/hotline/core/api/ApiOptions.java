package org.hotline.core.api;

import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hotline.core.app.IntakeAdvice;
import org.hotline.core.catalog.CategoryCatalog;

/**
 * What the other modules plug into the service API, given once when it is built.
 *
 * @param openApiFragments the modules' documented routes (classpath resources, e.g.
 *                         {@code /org/hotline/dispatch/openapi-fragment.json}), merged into the served
 *                         and request-checking document; a clash or a dangling reference stops the start
 * @param intakeAdvice     what citizens are told at once on submitting (e.g. the 110 advice)
 * @param categoryListener takes each category an administrator adds, edits or retires into another copy
 *                         of the catalog (dispatch's keyword catalog); its failure is answered 503
 */
public record ApiOptions(List<String> openApiFragments, IntakeAdvice intakeAdvice,
                         Function<CategoryCatalog.Entry, Future<Void>> categoryListener) {

    public ApiOptions {
        openApiFragments = List.copyOf(Objects.requireNonNull(openApiFragments, "openApiFragments"));
        Objects.requireNonNull(intakeAdvice, "intakeAdvice");
        Objects.requireNonNull(categoryListener, "categoryListener");
    }

    /** No module plugged in: core's own document, no advice, nobody else keeps the catalog. */
    public static ApiOptions none() {
        return new ApiOptions(List.of(), IntakeAdvice.none(), entry -> Future.succeededFuture());
    }

    public ApiOptions withOpenApiFragments(List<String> fragments) {
        return new ApiOptions(fragments, intakeAdvice, categoryListener);
    }

    public ApiOptions withIntakeAdvice(IntakeAdvice advice) {
        return new ApiOptions(openApiFragments, advice, categoryListener);
    }

    public ApiOptions withCategoryListener(Function<CategoryCatalog.Entry, Future<Void>> listener) {
        return new ApiOptions(openApiFragments, intakeAdvice, listener);
    }
}
