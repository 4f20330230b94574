package org.hotline.search.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import java.time.Instant;
import org.hotline.search.TicketSnapshot;
import org.junit.jupiter.api.Test;

/** Segmenting is the costly part of reading a snapshot: text a change left alone is not segmented again. */
class SegmentedTextsTest {

    static final Instant T = Instant.parse("2026-11-02T02:00:00Z");
    final CountingSegmenter segmenter = new CountingSegmenter();
    final TicketSnapshots snapshots = new TicketSnapshots(TicketSnapshot.MAPPER, segmenter);

    @Test
    void unchangedTextIsNotSegmentedAgain() {
        var first = snapshots.parse(ticket("t1", T).text("小区楼下烧烤店油烟扰民", "每天晚上油烟很大").version(1).json());
        int afterFirst = segmenter.texts();
        var second = snapshots.parse(ticket("t1", T).text("小区楼下烧烤店油烟扰民", "每天晚上油烟很大").version(2)
                .set("status", "SIGNED").department("D-ENV").json());

        assertThat(afterFirst).isEqualTo(3);
        assertThat(segmenter.texts()).isEqualTo(afterFirst);
        assertThat(second.segmented()).isEqualTo(first.segmented()).contains("油烟");
        assertThat(second.status()).isEqualTo("SIGNED");
    }

    @Test
    void aNewReplyIsTheOnlyTextSegmentedAgain() {
        var received = snapshots.parse(ticket("t1", T).text("小区楼下烧烤店油烟扰民", "每天晚上油烟很大").version(1).json());
        var replied = snapshots.parse(ticket("t1", T).text("小区楼下烧烤店油烟扰民", "每天晚上油烟很大").version(2)
                .reply("已责令烧烤店安装油烟净化器").json());

        assertThat(segmenter.texts()).as("title, content and (absent) reply, then the reply alone").isEqualTo(4);
        assertThat(replied.segmented()).startsWith(received.segmented() + " ");
        assertThat(replied.segmented().split(" ")).contains("油烟", "净化器");
    }

    @Test
    void changedTextIsSegmentedAgain() {
        snapshots.parse(ticket("t1", T).text("小区楼下烧烤店油烟扰民", "每天晚上油烟很大").version(1).json());
        var corrected = snapshots.parse(ticket("t1", T).text("小区楼下烧烤店油烟扰民", "每天中午和晚上噪音很大").version(2).json());

        var fresh = new TicketSnapshots(TicketSnapshot.MAPPER, TicketSnapshot.SEGMENTER)
                .parse(ticket("t2", T).text("小区楼下烧烤店油烟扰民", "每天中午和晚上噪音很大").json());
        assertThat(segmenter.texts()).as("title, content and reply, then the changed content alone").isEqualTo(4);
        assertThat(corrected.segmented()).isEqualTo(fresh.segmented()).contains("噪音");
    }

    @Test
    void anotherTicketWithTheSameTextIsSegmentedOnItsOwn() {
        var first = snapshots.parse(ticket("t1", T).text("路灯不亮", "路灯坏了").json());
        var second = snapshots.parse(ticket("t2", T).text("路灯不亮", "路灯坏了").json());

        assertThat(segmenter.texts()).isEqualTo(6);
        assertThat(second.segmented()).isEqualTo(first.segmented());
    }
}
