package org.hotline.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.hotline.dispatch.classify.Suggestion;
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.junit.jupiter.api.Test;

/** The agent is warned, in Chinese, when the suggestion they are about to accept is below its auto-assign threshold. */
class ClassifyAnswerTest {

    private static final AutoAssignPolicy POLICY = new AutoAssignPolicy(0.6, Map.of("城乡建设", 0.9), null, null, null);

    private static List<Suggestion> top(String first, double c1, String second, double c2) {
        return List.of(new Suggestion(first, first, c1, null, "model:100"), new Suggestion(second, second, c2, null, "model:100"));
    }

    @Test
    void aSuggestionBelowItsCategorysThresholdCarriesAWarningNamingBothCloseCandidates() {
        JsonObject answer = DispatchRoutes.answer(top("城乡建设", 0.52, "商贸旅游", 0.40), POLICY);

        assertThat(answer.getDouble("autoAssignThreshold")).isEqualTo(0.9);
        assertThat(answer.getBoolean("borderline")).isTrue();
        assertThat(answer.getString("warning")).isEqualTo("建议分类「城乡建设」的置信度 0.52 低于自动派单阈值 0.90，请核对后再接受；与「商贸旅游」（0.40）接近");
    }

    @Test
    void aConfidentSuggestionCarriesNoWarningAndTheCategoryOverrideDecidesWhatConfidentMeans() {
        JsonObject transport = DispatchRoutes.answer(top("交通运输", 0.7, "城乡建设", 0.2), POLICY);
        JsonObject urban = DispatchRoutes.answer(top("城乡建设", 0.7, "交通运输", 0.2), POLICY);

        assertThat(transport.getValue("warning")).isNull();
        assertThat(transport.getBoolean("borderline")).isFalse();
        assertThat(urban.getString("warning")).contains("0.70", "0.90").doesNotContain("接近");
    }
}
