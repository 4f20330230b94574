package org.hotline.search.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.SearchPage;
import org.hotline.search.port.SearchScope;
import org.hotline.search.port.TicketHit;
import org.hotline.search.port.TicketQuery;
import org.hotline.search.port.TicketSearch;
import org.hotline.search.port.TicketSort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The behaviour every {@link TicketSearch} backend must show, written once and run against
 * Elasticsearch and embedded Lucene. Reports have their own suite ({@link TicketReportsContract}).
 */
public abstract class TicketSearchContract {

    protected static final Vertx VERTX = Vertx.vertx();
    protected static final Instant DAY = Instant.parse("2026-11-02T02:00:00Z");
    protected TicketSearch search;

    /** A fresh, empty backend for one test. */
    protected abstract TicketSearch open(String name);

    @BeforeEach
    void openBackend(TestInfo info) {
        search = open(info.getTestMethod().orElseThrow().getName().toLowerCase());
    }

    @AfterEach
    void closeBackend() {
        await(search.close());
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    protected static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("backend call failed: " + e, e);
        }
    }

    protected void index(TicketDocument... tickets) {
        await(search.index(List.of(tickets)));
        await(search.refresh());
    }

    protected static List<String> ids(SearchPage page) {
        return page.hits().stream().map(h -> h.ticket().id()).toList();
    }

    protected SearchPage find(String text) {
        return await(search.search(TicketQuery.text(text, 10), SearchScope.all()));
    }

    protected void indexNeighbourhoodComplaints() {
        index(ticket("t1", DAY).text("小区楼下烧烤店油烟扰民", "每天晚上楼下烧烤店油烟很大，窗户都不能开，希望有关部门处理").document(),
                ticket("t2", DAY.plusSeconds(60)).text("道路路灯不亮", "建设路与文化路交叉口路灯已经坏了一周，晚上很黑").document(),
                ticket("t3", DAY.plusSeconds(120)).text("夜间施工噪音扰民", "工地凌晨两点还在施工，噪音太大无法休息").document(),
                ticket("t4", DAY.plusSeconds(180)).text("咨询医保报销比例", "想了解门诊医保报销的比例和办理流程").document());
    }

    @Test
    void anOpenBackendAnswersAReadinessPing() {
        Future<Void> ping = search.ping();

        assertThat(ping.toCompletionStage().toCompletableFuture()).succeedsWithin(java.time.Duration.ofSeconds(30));
    }

    @Test
    void chineseWordsFindTheTicketThatIsAboutThem() {
        indexNeighbourhoodComplaints();
        assertThat(ids(find("油烟"))).containsExactly("t1");
        assertThat(ids(find("施工噪音")).get(0)).isEqualTo("t3");
        assertThat(ids(find("医保报销"))).containsExactly("t4");
        assertThat(ids(find("路灯坏了"))).first().isEqualTo("t2");
    }

    @Test
    void wordsThatAppearNowhereFindNothing() {
        indexNeighbourhoodComplaints();
        assertThat(find("养老金").total()).isZero();
    }

    @Test
    void matchedWordsAreHighlightedAndHtmlInTextIsEscaped() {
        index(ticket("t1", DAY).text("烧烤店油烟<b>扰民</b>", "楼下烧烤店油烟很大").document());
        TicketHit hit = find("油烟").hits().get(0);
        assertThat(hit.highlights().get("title")).contains("<em>油烟</em>").contains("&lt;b&gt;");
        assertThat(hit.highlights().get("content")).contains("<em>油烟</em>");
    }

    @Test
    void filtersKeepOnlyTicketsWithEveryGivenValue() {
        index(ticket("a", DAY).text("路灯不亮", "路灯坏了").district("金水区", "花园路街道").set("channel", "WEB").document(),
                ticket("b", DAY).text("路灯不亮", "路灯坏了").district("二七区", "建中街街道").set("channel", "WEB").document(),
                ticket("c", DAY).text("路灯不亮", "路灯坏了").district("金水区", "花园路街道").set("channel", "PHONE")
                        .department("D-ROADS").document());
        var q = new TicketQuery("路灯", null, null, null, "金水区", null, "WEB", null, null, null,
                null, null, null, null, null, null, 10, null);
        assertThat(ids(await(search.search(q, SearchScope.all())))).containsExactly("a");
        var byDept = new TicketQuery(null, null, "D-ROADS", null, null, null, null, null, null, null,
                null, null, null, null, null, null, 10, null);
        assertThat(ids(await(search.search(byDept, SearchScope.all())))).containsExactly("c");
    }

    @Test
    void receivedRangeIsHalfOpen() {
        index(ticket("early", DAY).text("甲", "甲").document(), ticket("late", DAY.plusSeconds(3600)).text("乙", "乙").document());
        var q = new TicketQuery(null, null, null, null, null, null, null, null, null, null,
                DAY, DAY.plusSeconds(3600), null, null, null, null, 10, null);
        assertThat(ids(await(search.search(q, SearchScope.all())))).containsExactly("early");
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        var newer = ticket("t1", DAY).text("油烟扰民", "烧烤").version(3).set("status", "SIGNED").document();
        var older = ticket("t1", DAY).text("油烟扰民", "烧烤").version(2).set("status", "ASSIGNED").document();
        index(newer);
        var outcome = await(search.index(List.of(older, newer)));
        await(search.refresh());
        assertThat(outcome.indexed()).isZero();
        SearchPage page = find("油烟");
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits().get(0).ticket().status()).isEqualTo("SIGNED");
        assertThat(page.hits().get(0).ticket().version()).isEqualTo(3);
    }

    @Test
    void searchAfterWalksEveryTicketExactlyOnce() {
        var all = new ArrayList<TicketDocument>();
        for (int i = 0; i < 23; i++) {
            all.add(ticket("p" + i, DAY.plusSeconds(i % 5)).text("路灯不亮" + i, "路灯坏了").document());
        }
        index(all.toArray(TicketDocument[]::new));
        for (TicketSort sort : TicketSort.values()) {
            assertThat(walk(sort)).as("sort %s", sort).hasSize(23).doesNotHaveDuplicates();
        }
    }

    private List<String> walk(TicketSort sort) {
        var seen = new ArrayList<String>();
        String token = null;
        do {
            var q = new TicketQuery("路灯", null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, sort, 5, token);
            SearchPage page = await(search.search(q, SearchScope.all()));
            assertThat(page.total()).isEqualTo(23);
            seen.addAll(ids(page));
            token = page.nextSearchAfter();
        } while (token != null && seen.size() < 100);
        return seen;
    }

    @Test
    void aDepartmentSeesOnlyTicketsItLeadsOrAssists() {
        index(ticket("lead", DAY).text("油烟扰民", "烧烤").department("D-ENV").document(),
                ticket("assist", DAY).text("油烟扰民", "烧烤").department("D-CITY", "D-ENV").document(),
                ticket("other", DAY).text("油烟扰民", "烧烤").department("D-CITY").document());
        var page = await(search.search(TicketQuery.text("油烟", 10), SearchScope.departments(Set.of("D-ENV"))));
        assertThat(new HashSet<>(ids(page))).containsExactlyInAnyOrder("lead", "assist");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void callerHistoryListsTheCallersTicketsNewestFirst() {
        index(ticket("old", DAY).text("甲", "甲").phone("13912345678").document(),
                ticket("new", DAY.plusSeconds(600)).text("乙", "乙").phone("13912345678").document(),
                ticket("someone-else", DAY).text("丙", "丙").phone("13700000000").document());
        var q = TicketQuery.text(null, 10).withCallerPhone("13912345678");
        assertThat(ids(await(search.search(q, SearchScope.all())))).containsExactly("new", "old");
    }

    @Test
    void similarTicketsFindTheSameMatterInOtherWords() {
        indexNeighbourhoodComplaints();
        List<TicketHit> similar = await(search.similar("楼下烧烤店晚上油烟太大，熏得家里没法开窗", "t9", 3, SearchScope.all()));
        assertThat(similar).isNotEmpty();
        assertThat(similar.get(0).ticket().id()).isEqualTo("t1");
        List<TicketHit> excluded = await(search.similar("楼下烧烤店油烟扰民", "t1", 3, SearchScope.all()));
        assertThat(excluded).extracting(h -> h.ticket().id()).doesNotContain("t1");
    }

    @Test
    void overdueMeansRepliedLateOrStillOpenPastTheDeadline() {
        Instant asOf = DAY.plus(Duration.ofDays(10));
        index(ticket("late", DAY).text("甲", "甲").clock("HANDLE", Duration.ofDays(5)).after("repliedAt", Duration.ofDays(6)).document(),
                ticket("open-past", DAY).text("乙", "乙").clock("HANDLE", Duration.ofDays(5)).document(),
                ticket("on-time", DAY).text("丙", "丙").clock("HANDLE", Duration.ofDays(5)).after("repliedAt", Duration.ofDays(1)).document(),
                ticket("open-in-time", DAY).text("丁", "丁").clock("HANDLE", Duration.ofDays(15)).document());
        var q = new TicketQuery(null, null, null, null, null, null, null, null, null, null,
                null, null, true, null, asOf, TicketSort.OLDEST, 10, null);
        assertThat(new HashSet<>(ids(await(search.search(q, SearchScope.all()))))).containsExactlyInAnyOrder("late", "open-past");
    }

    @Test
    void deadlineOrderPutsTicketsWithoutDeadlineLast() {
        index(ticket("none", DAY).text("甲", "甲").document(),
                ticket("later", DAY).text("乙", "乙").clock("HANDLE", Duration.ofDays(5)).document(),
                ticket("sooner", DAY).text("丙", "丙").clock("HANDLE", Duration.ofDays(1)).document());
        var q = new TicketQuery(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, TicketSort.DEADLINE, 10, null);
        assertThat(ids(await(search.search(q, SearchScope.all())))).containsExactly("sooner", "later", "none");
    }
}
