package org.hotline.telephony.survey;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.core.api.Problems;
import org.hotline.core.error.HotlineException;

/**
 * The campaign's HTTP API: administrators read and set the campaign, supervisors read the figures,
 * agents read their re-visit list. The server puts the token check and the role rules in front.
 */
public final class SurveyRoutes {

    public static final String CAMPAIGN = "/api/v1/admin/survey-campaign";
    public static final String REPORT = "/api/v1/reports/surveys";
    public static final String REVISITS = "/api/v1/surveys/revisits";
    private static final int MAX_MONTHS = 36;
    private static final int LIST_LIMIT = 200;
    private static final long BODY_LIMIT = 4 * 1024;

    private final SurveyCampaignVerticle campaign;

    private SurveyRoutes(SurveyCampaignVerticle campaign) {
        this.campaign = campaign;
    }

    public static Router mount(Router router, SurveyCampaignVerticle campaign) {
        SurveyRoutes r = new SurveyRoutes(campaign);
        router.put(CAMPAIGN).handler(Problems.bodyHandler(BODY_LIMIT));
        router.get(CAMPAIGN).handler(r::read);
        router.put(CAMPAIGN).handler(r::store);
        router.get(REPORT).handler(r::report);
        router.get(REVISITS).handler(r::revisits);
        return router;
    }

    private void read(RoutingContext ctx) {
        ledger().campaign().onSuccess(c -> ctx.json(SurveyCampaigns.toJson(c))).onFailure(ctx::fail);
    }

    private void store(RoutingContext ctx) {
        SurveyCampaign c = SurveyCampaigns.fromJson(body(ctx));
        ledger().storeCampaign(c).onSuccess(v -> ctx.json(SurveyCampaigns.toJson(c))).onFailure(ctx::fail);
    }

    /** {@code from} and {@code to}: months like 2026-12, both included (cohorts: the month a reply was accepted). */
    private void report(RoutingContext ctx) {
        YearMonth from = month(ctx, "from");
        YearMonth to = month(ctx, "to");
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
            throw HotlineException.invalid("survey.bad-months", "统计月份无效：from 不晚于 to，且最多 " + MAX_MONTHS + " 个月");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        RedisSurveyLedger ledger = ledger();
        Future.all(months.stream().map(m -> ledger.tally(m.toString(), Measure.all()).map(SurveyFigures::new)).toList())
                .onSuccess(all -> {
                    JsonArray rows = new JsonArray();
                    SurveyFigures total = new SurveyFigures(Map.of());
                    for (int i = 0; i < months.size(); i++) {
                        SurveyFigures f = all.resultAt(i);
                        rows.add(f.toJson().put("month", months.get(i).toString()));
                        total = total.plus(f);
                    }
                    ctx.json(new JsonObject().put("from", from.toString()).put("to", to.toString())
                            .put("total", total.toJson()).put("months", rows));
                }).onFailure(ctx::fail);
    }

    private void revisits(RoutingContext ctx) {
        RedisSurveyLedger ledger = ledger();
        Future.all(ledger.revisitList(LIST_LIMIT), ledger.revisitsWaiting()).onSuccess(all -> {
            JsonArray items = new JsonArray();
            all.<List<Map<String, String>>>resultAt(0).forEach(t -> items.add(item(t)));
            ctx.json(new JsonObject().put("total", all.<Long>resultAt(1)).put("items", items));
        }).onFailure(ctx::fail);
    }

    private static JsonObject item(Map<String, String> t) {
        JsonObject out = new JsonObject().put("ticketId", t.get("ticketId")).put("month", t.get("month"))
                .put("reasons", new JsonArray(List.of(t.getOrDefault("revisit", "").split(","))));
        String robot = t.get("robot");
        if (robot != null) {
            SurveyLedgerEvents.Answer a = SurveyLedgerEvents.Answer.read(robot);
            out.put("robotResolution", a.resolution().name()).put("robotSatisfaction", a.satisfaction().name());
        }
        return out;
    }

    private static YearMonth month(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        try {
            return YearMonth.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw HotlineException.invalid("survey.bad-month", "参数 " + name + " 须为月份，如 2026-12");
        }
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private RedisSurveyLedger ledger() {
        RedisSurveyLedger ledger = campaign.ledger();
        if (ledger == null) {
            throw HotlineException.unavailable("survey.off", "回访活动尚未启动", null);
        }
        return ledger;
    }
}
