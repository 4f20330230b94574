package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.app.IntakeAdvice;
import org.hotline.core.catalog.CategoryCatalog;
import org.junit.jupiter.api.Test;

/** What the modules plug into the API is given once, as one immutable value. */
class ApiOptionsTest {

    @Test
    void withoutModulesTheApiServesItsOwnDocumentAndAdvisesNothing() {
        ApiOptions none = ApiOptions.none();

        assertThat(none.openApiFragments()).isEmpty();
        assertThat(none.intakeAdvice().adviceFor("标题", "内容").result()).isEmpty();
        assertThat(none.categoryListener().apply(null).succeeded()).isTrue();
    }

    @Test
    void eachWitherChangesOnlyItsOwnPartAndLeavesTheOriginalAsItWas() {
        IntakeAdvice advice = (title, content) -> Future.succeededFuture(Optional.of("请立即拨打 110"));
        Function<CategoryCatalog.Entry, Future<Void>> listener = entry -> Future.succeededFuture();
        ApiOptions none = ApiOptions.none();

        ApiOptions options = none.withOpenApiFragments(List.of("/org/hotline/dispatch/openapi-fragment.json"))
            .withIntakeAdvice(advice).withCategoryListener(listener);

        assertThat(options.openApiFragments()).containsExactly("/org/hotline/dispatch/openapi-fragment.json");
        assertThat(options.intakeAdvice()).isSameAs(advice);
        assertThat(options.categoryListener()).isSameAs(listener);
        assertThat(none.openApiFragments()).isEmpty();
        assertThat(none.intakeAdvice()).isNotSameAs(advice);
    }

    @Test
    void theFragmentListIsCopiedSoALaterChangeOfTheCallersListDoesNotReachTheApi() {
        List<String> fragments = new ArrayList<>(List.of("/org/hotline/search/openapi-fragment.json"));
        ApiOptions options = ApiOptions.none().withOpenApiFragments(fragments);

        fragments.add("/org/hotline/telephony/openapi-fragment.json");

        assertThat(options.openApiFragments()).containsExactly("/org/hotline/search/openapi-fragment.json");
        assertThatThrownBy(() -> options.openApiFragments().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMissingPartIsRefusedWhenTheOptionsAreMade() {
        assertThatThrownBy(() -> ApiOptions.none().withIntakeAdvice(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ApiOptions.none().withCategoryListener(null)).isInstanceOf(NullPointerException.class);
    }
}
