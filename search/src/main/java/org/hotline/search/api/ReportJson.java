package org.hotline.search.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hotline.search.port.TicketSearch.HotTopic;
import org.hotline.search.port.TicketSearch.MisrouteBucket;
import org.hotline.search.port.TicketSearch.Period;
import org.hotline.search.port.TicketSearch.VolumeBucket;
import org.hotline.search.port.VolumeDimension;
import org.hotline.search.port.VolumeInterval;
import org.hotline.search.report.CenterRow;
import org.hotline.search.report.AssistanceRow;
import org.hotline.search.report.DepartmentRow;
import org.hotline.search.report.MisrouteRow;
import org.hotline.search.report.ReportService.RankedDepartment;

/** JSON shapes of the reports API. */
final class ReportJson {

    private ReportJson() {
    }

    static JsonObject row(DepartmentRow r, Function<String, String> names) {
        var c = r.counts();
        return new JsonObject().put("department", r.department()).put("departmentName", names.apply(r.department()))
                .put("tickets", c.tickets())
                .put("onTimeSignRate", r.onTimeSignRate()).put("responseRate", r.responseRate())
                .put("onTimeCompletionRate", r.onTimeCompletionRate()).put("resolutionRate", r.resolutionRate())
                .put("satisfactionRate", r.satisfactionRate()).put("firstSatisfactionRate", r.firstSatisfactionRate())
                .put("averageHandlingHours", r.averageHandlingHours())
                .put("returns", c.returns()).put("extensions", c.extensions()).put("overdue", c.overdue())
                .put("counts", JsonObject.mapFrom(c))
                .put("assisting", assisting(r.assisting()));
    }

    /** 协办: the unit's figures as an assisting unit, null when it assisted on nothing in the period. */
    private static JsonObject assisting(AssistanceRow a) {
        return a == null ? null : new JsonObject().put("parts", a.counts().parts())
                .put("onTimeSignRate", a.onTimeSignRate()).put("onTimeOpinionRate", a.onTimeOpinionRate())
                .put("counts", JsonObject.mapFrom(a.counts()));
    }

    static JsonObject center(Period period, CenterRow row) {
        var c = row.counts();
        return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
                .put("tickets", c.tickets()).put("answeredDirectly", c.answeredDirectly()).put("directAnswerRate", row.directAnswerRate())
                .put("calls", new JsonObject().put("offered", c.offered()).put("answered", c.answered())
                        .put("answeredWithin15s", c.answeredWithin15s()).put("abandoned", c.abandoned())
                        .put("answerWithin15sRate", row.answerWithin15sRate()).put("abandonmentRate", row.abandonmentRate())
                        .put("averageWaitSeconds", row.averageWaitSeconds()).put("averageTalkSeconds", row.averageTalkSeconds()));
    }

    /** Rows from the backend's tallies; rates by {@link MisrouteRow} (the one definition, docs/measures.md). */
    static JsonObject misroutes(Period period, List<MisrouteBucket> buckets) {
        var array = new JsonArray();
        buckets.forEach(b -> {
            var c = b.counts();
            var r = MisrouteRow.of(b.month(), b.category(), c.autoAssigned(), c.autoMisrouted(), c.manualAssigned(), c.manualMisrouted());
            array.add(new JsonObject().put("month", r.month()).put("category", r.category())
                    .put("assigned", r.assigned()).put("misrouted", r.misrouted()).put("misrouteRate", r.rate())
                    .put("auto", new JsonObject().put("assigned", r.autoAssigned()).put("misrouted", r.autoMisrouted())
                            .put("misrouteRate", r.autoRate()))
                    .put("dispatcher", new JsonObject().put("assigned", r.manualAssigned()).put("misrouted", r.manualMisrouted())
                            .put("misrouteRate", r.manualRate())));
        });
        return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString()).put("rows", array);
    }

    static JsonObject volumes(Period period, VolumeInterval by, VolumeDimension dimension, List<VolumeBucket> buckets) {
        var array = new JsonArray();
        buckets.forEach(b -> array.add(new JsonObject().put("period", b.period()).put("key", b.key()).put("count", b.count())));
        return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
                .put("by", by.name().toLowerCase(Locale.ROOT)).put("dimension", dimension.name().toLowerCase(Locale.ROOT))
                .put("buckets", array);
    }

    static JsonObject topics(List<HotTopic> topics) {
        var array = new JsonArray();
        topics.forEach(t -> array.add(new JsonObject().put("word", t.word()).put("tickets", t.count()).put("score", t.score())));
        return new JsonObject().put("topics", array);
    }

    static JsonObject ranking(YearMonth month, List<RankedDepartment> ranked, Function<String, String> names) {
        var array = new JsonArray();
        ranked.forEach(r -> array.add(row(r.row(), names).put("rank", r.rank()).put("score", r.score())));
        return new JsonObject().put("month", month.toString()).put("departments", array);
    }
}
