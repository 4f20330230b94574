package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AgentPhonesTest {

    @Test
    void aBrowserLoginWritesAWebrtcEndpointWithAGeneratedDtlsCertificateAndOpusFirst() {
        JsonObject endpoint = AgentPhones.endpoint("a1001", true);
        assertThat(endpoint.getString("webrtc")).isEqualTo("yes");
        assertThat(endpoint.getString("dtls_auto_generate_cert")).isEqualTo("yes");
        assertThat(endpoint.getString("allow")).isEqualTo("opus,alaw,ulaw");
        assertThat(endpoint.getString("aors")).isEqualTo("a1001");
        assertThat(endpoint.getString("auth")).isEqualTo("a1001");
        assertThat(endpoint.getString("context")).isEqualTo("hotline-agent");
    }

    @Test
    void aSipPhoneLoginWritesThePlainEndpointWithoutIceOrDtls() {
        JsonObject endpoint = AgentPhones.endpoint("a1001", false);
        assertThat(endpoint.containsKey("webrtc")).isFalse();
        assertThat(endpoint.containsKey("dtls_auto_generate_cert")).isFalse();
        assertThat(endpoint.getString("allow")).isEqualTo("alaw,ulaw,opus");
        assertThat(endpoint.getString("aors")).isEqualTo("a1001");
    }
}
