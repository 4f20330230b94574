package org.hotline.dispatch.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSimilarityTest {

    @Test
    void aRewordedAppealIsCloserThanAnotherMatter() {
        String first = "金色家园3栋楼下饭店油烟直排，窗户都不敢开";
        String again = "金色家园3栋楼下的饭店油烟还是直排";
        String other = "12路公交车班次太少，早高峰要等半小时";
        assertThat(TextSimilarity.cosine(first, again)).isGreaterThan(0.5);
        assertThat(TextSimilarity.cosine(first, other)).isLessThan(0.1);
        assertThat(TextSimilarity.cosine(first, first)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TextSimilarity.cosine("", first)).isZero();
    }
}
