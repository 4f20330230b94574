package org.hotline.search.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotline.core.error.HotlineException;
import org.junit.jupiter.api.Test;

class KnowledgeWordsTest {

    @Test
    void questionWordsAreDroppedAndRepeatsKeptOnce() {
        assertThat(KnowledgeWords.meaningful(List.of("公积金", "怎么", "提取", "公积金", " "))).containsExactly("公积金", "提取");
    }

    @Test
    void aSpokenWordAlsoSearchesItsWrittenForm() {
        assertThat(KnowledgeWords.variants("交")).containsExactly("交", "缴");
        assertThat(KnowledgeWords.variants("燃气")).containsExactly("燃气");
    }

    @Test
    void aCategoryCodeCoversTheLevelsBelowIt() {
        assertThat(KnowledgeWords.categoryPrefix("100000")).isEqualTo("10");
        assertThat(KnowledgeWords.categoryPrefix("100400")).isEqualTo("1004");
        assertThat(KnowledgeWords.categoryPrefix("100401")).isEqualTo("100401");
    }

    @Test
    void theSnippetStartsNearTheFirstWordFound() {
        String content = "甲".repeat(100) + "公积金提取" + "乙".repeat(200);
        String snippet = KnowledgeWords.snippet(content, List.of("提取", "公积金"));
        assertThat(snippet).startsWith("…").endsWith("…").contains("公积金提取");
        assertThat(KnowledgeWords.snippet("短文", List.of("无关"))).isEqualTo("短文");
    }

    @Test
    void aDraftIsCheckedAndTidiedBeforeItReachesRedis() {
        var draft = new ArticleDraft("  标题 ", "正文", " ", List.of("社保", " 社保 ", "医保"), null);
        assertThat(draft.title()).isEqualTo("标题");
        assertThat(draft.categoryCode()).isNull();
        assertThat(draft.tags()).containsExactly("社保", "医保");
        assertThatThrownBy(() -> new ArticleDraft("标", "", null, null, null)).isInstanceOf(HotlineException.class)
                .hasMessageContaining("正文");
        assertThatThrownBy(() -> new ArticleDraft("标", "文", "1004", null, null)).hasMessageContaining("6 位");
        assertThatThrownBy(() -> new ArticleDraft("标", "文", null, null, 0L)).hasMessageContaining("revision");
    }

    @Test
    void theSeedHoldsTwentyTwoValidArticlesEachNamingItsBasis() {
        var seed = KnowledgeSeed.articles(java.time.Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(seed).hasSize(22).allMatch(a -> a.content().contains("依据：") && a.revision() == 1);
        assertThat(seed).extracting(Article::id).doesNotHaveDuplicates();
    }
}
