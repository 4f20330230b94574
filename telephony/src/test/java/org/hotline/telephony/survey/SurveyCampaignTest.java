package org.hotline.telephony.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.hotline.core.error.HotlineException;
import org.hotline.core.model.Resolution;
import org.hotline.core.model.Satisfaction;
import org.hotline.telephony.survey.SurveyCampaign.Plan;
import org.hotline.telephony.survey.SurveyCampaign.Revisit;
import org.junit.jupiter.api.Test;

class SurveyCampaignTest {

    private static final SurveyCampaign HALF = new SurveyCampaign(0.5, true, 0.1, "2026-12");

    @Test
    void theSameCampaignPicksTheSameTicketsEveryTime() {
        SurveyCampaign again = new SurveyCampaign(0.5, true, 0.1, "2026-12");
        IntStream.range(0, 500).mapToObj(i -> "t-" + i).forEach(id -> {
            assertThat(again.plan(id)).isEqualTo(HALF.plan(id));
            assertThat(again.revisits(id, Resolution.RESOLVED, Satisfaction.SATISFIED))
                    .isEqualTo(HALF.revisits(id, Resolution.RESOLVED, Satisfaction.SATISFIED));
        });
    }

    @Test
    void anotherSeedDrawsAnotherSample() {
        SurveyCampaign other = new SurveyCampaign(0.5, true, 0.1, "other");
        long differ = IntStream.range(0, 500).mapToObj(i -> "t-" + i).filter(id -> other.plan(id) != HALF.plan(id)).count();
        assertThat(differ).isGreaterThan(100);
    }

    @Test
    void theRobotSampleIsAboutItsRate() {
        long robot = IntStream.range(0, 10_000).mapToObj(i -> "ticket-" + i).filter(id -> HALF.plan(id) == Plan.ROBOT).count();
        assertThat(robot).isBetween(4_700L, 5_300L);
    }

    @Test
    void rateOneSurveysEveryTicketByRobotAndRateZeroLeavesAllToAgents() {
        SurveyCampaign all = new SurveyCampaign(1.0, false, 0.0, "s");
        SurveyCampaign none = new SurveyCampaign(0.0, false, 0.0, "s");
        IntStream.range(0, 1_000).mapToObj(i -> "t" + i).forEach(id -> {
            assertThat(all.plan(id)).isEqualTo(Plan.ROBOT);
            assertThat(none.plan(id)).isEqualTo(Plan.AGENT);
        });
    }

    @Test
    void everyDissatisfiedOrUnresolvedRobotAnswerIsReVisitedWhenTheCampaignSaysSo() {
        SurveyCampaign c = new SurveyCampaign(1.0, true, 0.0, "s");
        assertThat(c.revisits("a", Resolution.RESOLVED, Satisfaction.DISSATISFIED)).containsExactly(Revisit.DISSATISFIED);
        assertThat(c.revisits("b", Resolution.UNRESOLVED, Satisfaction.SATISFIED)).containsExactly(Revisit.DISSATISFIED);
        assertThat(c.revisits("c", Resolution.PARTLY_RESOLVED, Satisfaction.BASICALLY_SATISFIED)).isEmpty();
        SurveyCampaign off = new SurveyCampaign(1.0, false, 0.0, "s");
        assertThat(off.revisits("a", Resolution.RESOLVED, Satisfaction.DISSATISFIED)).isEmpty();
    }

    @Test
    void theAgreementSampleIsDrawnWithoutLookingAtTheAnswer() {
        SurveyCampaign c = new SurveyCampaign(1.0, false, 0.2, "s");
        IntStream.range(0, 1_000).mapToObj(i -> "t" + i).forEach(id -> assertThat(
                c.revisits(id, Resolution.RESOLVED, Satisfaction.SATISFIED).contains(Revisit.AGREEMENT))
                .isEqualTo(c.revisits(id, Resolution.UNRESOLVED, Satisfaction.DISSATISFIED).contains(Revisit.AGREEMENT)));
        long sampled = IntStream.range(0, 10_000).mapToObj(i -> "t" + i)
                .filter(id -> c.revisits(id, Resolution.RESOLVED, Satisfaction.SATISFIED).contains(Revisit.AGREEMENT)).count();
        assertThat(sampled).isBetween(1_800L, 2_200L);
    }

    @Test
    void aRateOutsideZeroToOneOrABlankSeedIsRefusedInChinese() {
        assertThatThrownBy(() -> new SurveyCampaign(1.5, true, 0.1, "s")).isInstanceOf(HotlineException.class)
                .hasMessageContaining("机器回访抽样比例");
        assertThatThrownBy(() -> new SurveyCampaign(1.0, true, -0.1, "s")).isInstanceOf(HotlineException.class)
                .hasMessageContaining("一致性复核抽样比例");
        assertThatThrownBy(() -> new SurveyCampaign(1.0, true, Double.NaN, "s")).isInstanceOf(HotlineException.class);
        assertThatThrownBy(() -> new SurveyCampaign(1.0, true, 0.1, " ")).isInstanceOf(HotlineException.class)
                .hasMessageContaining("抽样种子");
    }
}
