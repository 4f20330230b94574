package org.hotline.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.wire.WireFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.hotline.core.model.*;
import org.hotline.core.time.ClockName;
import org.junit.jupiter.api.Test;

/** The assisting units' parts (协办) travel in ticket.v1 {@code assistance}, which older snapshots lack. */
class SnapshotAssistanceTest {

    private static final Actor HELPER = Actor.department("dc1", "d.dongcheng", "东城区经办人");

    private static Ticket assignedWithTwoAssistingUnits() {
        return assigned(Set.of("d.dongcheng", "environment"));
    }

    @Test
    void partsWithTheirClocksSignatureAndOpinionSurviveTheSnapshotRoundTrip() throws Exception {
        Ticket t = step(step(assignedWithTwoAssistingUnits(), new Command.SignAssistance(), HELPER, T0.plusSeconds(60)),
                new Command.SubmitOpinion("已安排街道配合"), HELPER, T0.plusSeconds(120));

        String json = SNAPSHOTS.toJson(t);
        Ticket back = SNAPSHOTS.fromJson(json);

        assertThat(back).isEqualTo(t);
        JsonNode parts = WireJson.mapper().readTree(json).get("assistance");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).get("department").asText()).isEqualTo("d.dongcheng");
        assertThat(parts.get(0).get("opinion").asText()).isEqualTo("已安排街道配合");
        assertThat(parts.get(0).at("/clocks/OPINION/stoppedAt").asText()).isEqualTo(T0.plusSeconds(120).toString());
        assertThat(parts.get(1).get("department").asText()).isEqualTo("environment");
        assertThat(parts.get(1).at("/clocks/SIGN/dueAt").isTextual()).isTrue();
    }

    @Test
    void aSnapshotWrittenBeforePartsWereKeptStillLoadsWithNone() throws Exception {
        Ticket t = assignedWithTwoAssistingUnits();
        ObjectNode json = (ObjectNode) WireJson.mapper().readTree(SNAPSHOTS.toJson(t));
        json.remove("assistance");

        Ticket old = SNAPSHOTS.fromJson(WireJson.mapper().writeValueAsString(json));

        assertThat(old.assistance()).isEmpty();
        assertThat(old.assistingDepartments()).containsExactlyInAnyOrder("d.dongcheng", "environment");
        assertThat(step(old, new Command.SignAssistance(), HELPER, T0.plusSeconds(60)).assistanceOf("d.dongcheng"))
                .hasValueSatisfying(p -> assertThat(p.signedAt()).isEqualTo(T0.plusSeconds(60)));
        assertThat(ClockName.OPINION.label()).isEqualTo("协办意见");
    }
}
