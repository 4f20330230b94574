package org.hotline.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HanLpSegmenterTest {

    private final Segmenter segmenter = new HanLpSegmenter();

    @Test
    void splitsAColloquialComplaintIntoWordsWithoutPunctuation() {
        var words = segmenter.words("小区楼下的烧烤店每天晚上噪音很大，影响休息！");

        assertThat(words).contains("烧烤", "噪音", "休息").doesNotContain("，", "！");
    }

    @Test
    void blankTextHasNoWords() {
        assertThat(segmenter.words("  ")).isEmpty();
        assertThat(segmenter.words(null)).isEmpty();
    }
}
