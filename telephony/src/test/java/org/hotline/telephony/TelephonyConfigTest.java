package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TelephonyConfigTest {

    @Test
    void withoutAnAmiHostTelephonyIsOff() {
        assertThat(TelephonyConfig.defaults().enabled()).isFalse();
        assertThat(TelephonyConfig.fromJson(new JsonObject()).enabled()).isFalse();
    }

    @Test
    void jsonOverridesDefaultsAndTheSecretNeverPrints() {
        TelephonyConfig c = TelephonyConfig.fromJson(new JsonObject().put("amiHost", "asterisk").put("amiSecret", "s3cr3t")
                .put("wrapUpSeconds", 0).put("agentInterface", "PJSIP/agent-{agent}"));

        assertThat(c.enabled()).isTrue();
        assertThat(c.amiPort()).isEqualTo(5038);
        assertThat(c.wrapUp()).isZero();
        assertThat(c.interfaceOf("a1001")).isEqualTo("PJSIP/agent-a1001");
        assertThat(c.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void anAgentInterfaceWithoutThePlaceholderIsRefused() {
        assertThatThrownBy(() -> TelephonyConfig.fromJson(new JsonObject().put("agentInterface", "PJSIP/1001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{agent}");
    }

    @Test
    void pauseReasonsAndTheCallbackBoundAreSettingsAndWrapUpIsNoPauseReason() {
        TelephonyConfig c = TelephonyConfig.fromJson(new JsonObject().put("pauseReasons", new io.vertx.core.json.JsonArray()
                .add("小休").add("培训")).put("callbacksMax", 500));

        assertThat(c.pauseReasons()).containsExactly("小休", "培训");
        assertThat(c.callbacksMax()).isEqualTo(500);
        assertThat(TelephonyConfig.defaults().pauseReasons()).contains("小休", "整理工单");
        assertThatThrownBy(() -> TelephonyConfig.fromJson(new JsonObject().put("pauseReasons",
                new io.vertx.core.json.JsonArray().add(AgentBoard.WRAP_UP_REASON)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelephonyConfig.fromJson(new JsonObject().put("callbacksMax", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
