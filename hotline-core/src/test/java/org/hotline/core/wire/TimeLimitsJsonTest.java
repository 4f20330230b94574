package org.hotline.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.core.catalog.Seed;
import org.junit.jupiter.api.Test;

/** The time-limit table as administrators read and write it: the seed file's shape, both ways. */
class TimeLimitsJsonTest {

    private static final Seed SEED = SeedLoader.fromClasspath();

    @Test
    void theTableWrittenOutReadsBackAsTheSameRules() {
        String json = SeedLoader.timeLimitsJson(SEED.timeLimits());

        Seed again = SeedLoader.withTimeLimits(SEED, json);

        assertThat(again.timeLimits().rules()).isEqualTo(SEED.timeLimits().rules());
        assertThat(again.timeLimits().deadlines().yellowRule()).isEqualTo(SEED.timeLimits().deadlines().yellowRule());
        assertThat(again.calendar()).isSameAs(SEED.calendar());
    }

    @Test
    void aTableWhoseLastRuleDoesNotMatchEverythingIsRefused() {
        String json = """
            {"rules": [{"name": "特急", "urgencies": ["EMERGENCY"], "clocks": {"HANDLE": "2h"}, "maxExtensions": 0}]}""";

        assertThatThrownBy(() -> SeedLoader.withTimeLimits(SEED, json)).hasMessageContaining("last time-limit rule");
    }
}
