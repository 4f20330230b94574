package org.hotline.server.wiring;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.hotline.core.auth.Authenticated;
import org.hotline.core.model.Role;
import org.hotline.telephony.survey.SurveyCampaignVerticle;
import org.hotline.telephony.survey.SurveyRoutes;

/**
 * Survey campaigns (docs/surveys.md): the ledger follows the ticket stream on every node (one consumer
 * group); administrators set the campaign, supervisors and dispatchers read the figures like every
 * report, agents and supervisors read the re-visit list. Months are Beijing time, like the SMS channel's.
 */
public final class SurveyModule implements Module {

    private final Vertx vertx;
    private final SurveyCampaignVerticle campaign;

    public SurveyModule(Vertx vertx, String nodeId, RedisAsyncCommands<String, String> redis) {
        this.vertx = vertx;
        this.campaign = new SurveyCampaignVerticle(redis, "survey-" + nodeId, SmsModule.CENTER_ZONE);
    }

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public Future<Void> start() {
        return vertx.deployVerticle(campaign).mapEmpty();
    }

    @Override
    public void mount(Router router) {
        router.get(SurveyRoutes.CAMPAIGN).handler(Authenticated.require(Role.ADMIN, Role.SUPERVISOR));
        router.put(SurveyRoutes.CAMPAIGN).handler(Authenticated.require(Role.ADMIN));
        router.get(SurveyRoutes.REPORT).handler(Authenticated.require(Role.SUPERVISOR, Role.DISPATCHER, Role.ADMIN));
        router.get(SurveyRoutes.REVISITS).handler(Authenticated.require(Role.AGENT, Role.SUPERVISOR));
        SurveyRoutes.mount(router, campaign);
    }
}
