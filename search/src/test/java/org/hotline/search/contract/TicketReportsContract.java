package org.hotline.search.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.search.TicketSnapshot.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.search.TicketSnapshot;
import org.hotline.search.doc.TicketDocument;
import org.hotline.search.port.MisrouteTally;
import org.hotline.search.port.TicketSearch.MisrouteBucket;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.TicketSearch.VolumeBucket;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;
import org.hotline.search.report.AssistanceFacts;
import org.hotline.search.report.AssistanceRow;
import org.hotline.search.port.AssistanceTally;
import org.hotline.search.report.DepartmentRow;
import org.hotline.search.port.DepartmentTally;
import org.hotline.search.report.ReportService;
import org.hotline.search.report.MisrouteRow;
import org.hotline.search.port.TicketFacts;
import org.junit.jupiter.api.Test;

/** Report behaviour every backend must show; numbers are checked against a recomputation from the snapshots. */
public abstract class TicketReportsContract extends ActivityRecordsContract {

    static final Period NOVEMBER = new Period(Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z"));

    /** A month of tickets across departments with every kind of outcome, deterministic. */
    static List<TicketDocument> month() {
        var tickets = new ArrayList<TicketDocument>();
        String[] departments = {"D-ENV", "D-ROADS", "D-WATER"};
        String[] resolutions = {"RESOLVED", "PARTLY_RESOLVED", "UNRESOLVED", null};
        String[] ratings = {"SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NO_RATING"};
        String[] channels = {"PHONE", "WEB", "WECHAT"};
        for (int i = 0; i < 60; i++) {
            Instant received = Instant.parse("2026-11-01T01:00:00Z").plus(Duration.ofHours(11L * i));
            TicketSnapshot s = ticket("m" + i, received).text("路灯不亮" + i, "路灯坏了" + i)
                    .department(departments[i % 3]).set("channel", channels[i % 3])
                    .clock("SIGN", Duration.ofHours(24)).clock("CONTACT", Duration.ofHours(48)).clock("HANDLE", Duration.ofDays(5))
                    .count("returnCount", i % 4 == 0 ? 1 : 0).count("extensionCount", i % 7 == 0 ? 1 : 0);
            if (i % 5 != 0) {
                s.after("signedAt", Duration.ofHours(i % 2 == 0 ? 2 : 30));
            }
            if (i % 3 != 0) {
                s.after("firstContactAt", Duration.ofHours(i % 4 == 0 ? 60 : 20));
            }
            if (i % 2 == 0) {
                s.after("repliedAt", Duration.ofDays(i % 8 == 0 ? 6 : 3)).reply("已修复" + i);
                String resolution = resolutions[i % 4];
                if (resolution != null) {
                    s.visit(resolution, ratings[(i / 2) % 4]);
                }
            }
            tickets.add(s.document());
        }
        tickets.add(ticket("unassigned", Instant.parse("2026-11-03T01:00:00Z")).text("甲", "甲").document());
        tickets.add(ticket("october", Instant.parse("2026-10-20T01:00:00Z")).text("乙", "乙").department("D-ENV").document());
        return tickets;
    }

    static Map<String, DepartmentTally> recompute(List<TicketDocument> tickets, Period period, Instant asOf) {
        var expected = new TreeMap<String, DepartmentTally>();
        for (TicketDocument t : tickets) {
            Instant r = t.at().received();
            if (t.leadDepartment() != null && !r.isBefore(period.from()) && r.isBefore(period.to())) {
                expected.merge(t.leadDepartment(), DepartmentTally.EMPTY.plus(TicketFacts.of(t, asOf)),
                        (a, b) -> a.plus(TicketFacts.of(t, asOf)));
            }
        }
        return expected;
    }

    @Test
    void theFirstAndTheFinalSatisfactionAreCountedFromEveryVisitKept() {
        Instant received = Instant.parse("2026-11-05T01:00:00Z");
        index(ticket("v1", received).text("噪音", "噪音").department("D-VISITS").reply("已处理")
                        .visits(true, "DISSATISFIED", "SATISFIED").document(),
                ticket("v2", received).text("噪音", "噪音").department("D-VISITS").visits(false, "DISSATISFIED").document(),
                ticket("v3", received).text("噪音", "噪音").department("D-VISITS").reply("已处理")
                        .visits(true, "BASICALLY_SATISFIED").document());

        DepartmentTally tally = await(search.departmentTallies(NOVEMBER, Instant.parse("2026-11-20T00:00:00Z"))).get("D-VISITS");

        // 一次满意率: each ticket's first visit, the dissatisfied ones before 重办 included
        assertThat(tally.firstRated()).isEqualTo(3);
        assertThat(tally.firstSatisfied()).isEqualTo(0);
        assertThat(tally.firstBasicallySatisfied()).isEqualTo(1);
        // final 满意率: each ticket's last visit, also while a 重办 awaits its next one
        assertThat(tally.rated()).isEqualTo(3);
        assertThat(tally.satisfied()).isEqualTo(1);
        assertThat(tally.basicallySatisfied()).isEqualTo(1);
    }

    @Test
    void departmentTalliesEqualARecomputationFromTheSnapshots() {
        List<TicketDocument> tickets = month();
        index(tickets.toArray(TicketDocument[]::new));
        Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
        Map<String, DepartmentTally> tallies = await(search.departmentTallies(NOVEMBER, asOf));
        assertThat(tallies).isEqualTo(recompute(tickets, NOVEMBER, asOf));
        assertThat(tallies.get("D-ENV").tickets()).isEqualTo(20);
        assertThat(tallies.get("D-ENV").overdue()).isPositive();
    }

    @Test
    void eachAssistingUnitsOnTimeSigningAndOpinionAreCountedPerUnitAndTheLeadsFiguresStayTheLeads() {
        Instant nov = Instant.parse("2026-11-05T01:00:00Z");
        Duration day = Duration.ofDays(1);
        Duration three = Duration.ofDays(3);
        var tickets = List.of(
                // on time twice
                ticket("x1", nov).text("积水", "积水").department("D-LEAD", "D-HELP", "D-SLOW")
                        .assisted("D-HELP", day, three, Duration.ofHours(2), Duration.ofDays(2), null, false)
                        // late signing, late opinion: red cards recorded
                        .assisted("D-SLOW", day, three, Duration.ofHours(30), null, null, true).document(),
                // the lead replied before D-HELP's deadlines: not counted; D-SLOW ended after its deadlines: late
                ticket("x2", nov).text("积水", "积水").department("D-LEAD", "D-HELP", "D-SLOW")
                        .assisted("D-HELP", day, three, null, null, Duration.ofHours(5), false)
                        .assisted("D-SLOW", day, three, Duration.ofHours(3), null, Duration.ofDays(4), false).document(),
                // still running before its deadlines: not counted yet
                ticket("x3", nov).text("积水", "积水").department("D-LEAD", "D-HELP")
                        .assisted("D-HELP", day, three, null, null, null, false).document(),
                ticket("x4", Instant.parse("2026-10-05T01:00:00Z")).text("积水", "积水").department("D-LEAD", "D-HELP")
                        .assisted("D-HELP", day, three, Duration.ofDays(2), null, null, true).document());
        index(tickets.toArray(TicketDocument[]::new));

        Map<String, AssistanceTally> tallies = await(search.assistanceTallies(NOVEMBER));

        assertThat(tallies).containsOnlyKeys("D-HELP", "D-SLOW");
        assertThat(tallies.get("D-HELP")).isEqualTo(new AssistanceTally(3, 1, 1, 1, 1));
        assertThat(tallies.get("D-SLOW")).isEqualTo(new AssistanceTally(2, 2, 1, 2, 0));
        var expected = new TreeMap<String, AssistanceTally>();
        tickets.stream().filter(t -> !t.at().received().isBefore(NOVEMBER.from())).flatMap(t -> AssistanceFacts.of(t).stream())
                .forEach(f -> expected.merge(f.department(), f.addTo(AssistanceTally.EMPTY), AssistanceTally::sum));
        assertThat(tallies).isEqualTo(expected);
        assertThat(await(search.departmentTallies(NOVEMBER, nov.plus(Duration.ofDays(10)))))
                .containsOnlyKeys("D-LEAD").isEqualTo(recompute(tickets, NOVEMBER, nov.plus(Duration.ofDays(10))));
        AssistanceRow slow = AssistanceRow.of(tallies.get("D-SLOW"));
        assertThat(slow.onTimeSignRate()).isEqualTo(0.5);
        assertThat(slow.onTimeOpinionRate()).isEqualTo(0.0);

        var reports = new ReportService(search, java.time.ZoneId.of("Asia/Shanghai"), 0.8);
        List<DepartmentRow> rows = await(reports.departments(NOVEMBER, nov.plus(Duration.ofDays(10))));
        assertThat(rows).extracting(DepartmentRow::department).containsExactly("D-HELP", "D-LEAD", "D-SLOW");
        assertThat(rows.get(0).counts().tickets()).isZero();
        assertThat(rows.get(0).onTimeSignRate()).isNull();
        assertThat(rows.get(0).assisting().counts()).isEqualTo(new AssistanceTally(3, 1, 1, 1, 1));
        assertThat(rows.get(1).assisting()).isNull();
        assertThat(rows.get(1).counts().tickets()).isEqualTo(3);
        assertThat(await(reports.ranking(java.time.YearMonth.of(2026, 11), nov.plus(Duration.ofDays(10)))))
                .extracting(r -> r.row().department()).containsExactly("D-LEAD");
    }

    @Test
    void theMisrouteRateCountsTicketsByTheLocalMonthOfTheirFirstAssignmentCategoryAndWhoAssigned() {
        Instant nov = Instant.parse("2026-11-10T02:00:00Z");
        index(routed("a1", nov, "010201", nov, true, 0), routed("a2", nov, "010201", nov, true, 1),
                routed("a3", nov, "010201", nov, true, 2), routed("d1", nov, "010201", nov, false, 0),
                routed("d2", nov, "020101", nov, false, 1),
                // received in October, first assigned on 1 November in Beijing (still 31 October in UTC)
                routed("late", Instant.parse("2026-10-31T10:00:00Z"), "020101", Instant.parse("2026-10-31T17:00:00Z"), false, 0),
                routed("dec", Instant.parse("2026-12-01T02:00:00Z"), "010201", Instant.parse("2026-12-01T03:00:00Z"), true, 1),
                routed("before", Instant.parse("2026-10-20T02:00:00Z"), "010201", Instant.parse("2026-10-20T03:00:00Z"), true, 1),
                ticket("never", nov).text("甲", "甲").category("010201", "占道经营").document());
        var period = new Period(NOVEMBER.from(), Instant.parse("2026-12-31T16:00:00Z"));

        List<MisrouteBucket> buckets = await(search.misrouteTallies(period));

        assertThat(buckets).containsExactly(
                new MisrouteBucket("2026-11", "010201", new MisrouteTally(3, 2, 1, 0)),
                new MisrouteBucket("2026-11", "020101", new MisrouteTally(0, 0, 2, 1)),
                new MisrouteBucket("2026-12", "010201", new MisrouteTally(1, 1, 0, 0)));
        var row = MisrouteRow.of("2026-11", "010201", 3, 2, 1, 0);
        assertThat(row.rate()).isEqualTo(0.5);
        assertThat(row.autoRate()).isEqualTo(0.6667);
        assertThat(row.manualRate()).isEqualTo(0.0);
        assertThat(MisrouteRow.of("2026-11", "020101", 0, 0, 2, 1).autoRate()).isNull();
    }

    private static TicketDocument routed(String id, Instant received, String category, Instant assigned, boolean auto, int approved) {
        return ticket(id, received).text("占道", "占道经营").category(category, "类别" + category).department("D-ENV")
                .routed(assigned, auto, approved).document();
    }

    @Test
    void volumesCountTicketsPerLocalDayAndChannel() {
        index(ticket("a", Instant.parse("2026-11-02T15:30:00Z")).text("甲", "甲").set("channel", "WEB").document(),
                ticket("b", Instant.parse("2026-11-02T16:30:00Z")).text("乙", "乙").set("channel", "WEB").document(),
                ticket("c", Instant.parse("2026-11-03T02:00:00Z")).text("丙", "丙").set("channel", "PHONE").document());
        List<VolumeBucket> byDay = await(search.volumes(NOVEMBER, VolumeInterval.DAY, VolumeDimension.CHANNEL));
        assertThat(byDay).containsExactly(new VolumeBucket("2026-11-02", "WEB", 1),
                new VolumeBucket("2026-11-03", "PHONE", 1), new VolumeBucket("2026-11-03", "WEB", 1));
        List<VolumeBucket> byMonth = await(search.volumes(NOVEMBER, VolumeInterval.MONTH, VolumeDimension.TOTAL));
        assertThat(byMonth).containsExactly(new VolumeBucket("2026-11-01", "total", 3));
        List<VolumeBucket> byWeek = await(search.volumes(NOVEMBER, VolumeInterval.WEEK, VolumeDimension.TOTAL));
        assertThat(byWeek).containsExactly(new VolumeBucket("2026-11-02", "total", 3));
    }

    @Test
    void hotTopicsFindTheWordThatSuddenlyComesUpInADistrict() {
        var tickets = new ArrayList<TicketDocument>();
        for (int i = 0; i < 30; i++) {
            tickets.add(ticket("bg" + i, Instant.parse("2026-10-05T02:00:00Z").plusSeconds(i)).text("咨询医保报销", "想了解医保报销比例")
                    .district("二七区", "建中街街道").document());
        }
        for (int i = 0; i < 6; i++) {
            tickets.add(ticket("hot" + i, Instant.parse("2026-11-05T02:00:00Z").plusSeconds(i)).text("小区停水", "小区突然停水，没有通知")
                    .district("金水区", "花园路街道").document());
        }
        index(tickets.toArray(TicketDocument[]::new));
        var topics = await(search.hotTopics(NOVEMBER, "金水区", 5));
        assertThat(topics).isNotEmpty();
        assertThat(topics.get(0).word()).isIn("停水", "小区");
        assertThat(topics).extracting(t -> t.word()).contains("停水").doesNotContain("医保");
    }
}
