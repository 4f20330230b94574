package org.hotline.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void aCidrContainsTheAddressesOfItsPrefixOnly() {
        TrustedProxies.Cidr net = TrustedProxies.Cidr.parse("10.1.0.0/16");

        assertThat(net.contains(TrustedProxies.Cidr.literal("10.1.200.3"))).isTrue();
        assertThat(net.contains(TrustedProxies.Cidr.literal("10.2.0.1"))).isFalse();
        assertThat(net.contains(TrustedProxies.Cidr.literal("::ffff:10.1.0.9"))).isTrue();
        assertThat(TrustedProxies.Cidr.parse("2001:db8::/32").contains(TrustedProxies.Cidr.literal("2001:db8:1::5"))).isTrue();
        assertThat(TrustedProxies.Cidr.parse("192.0.2.7").contains(TrustedProxies.Cidr.literal("192.0.2.8"))).isFalse();
    }

    @Test
    void anythingButAnAddressOrCidrIsRefusedWithoutAnyNameLookup() {
        for (String bad : List.of("gateway.example", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> TrustedProxies.Cidr.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(TrustedProxies.Cidr.literal("999.1.1.1")).isNull();
    }

    @Test
    void theForwardedHeaderWinsOverXForwardedForAndItsPortsAndBracketsAreDropped() {
        assertThat(TrustedProxies.forwardedChain("for=192.0.2.60:4711;proto=http, for=\"[2001:db8::1]:80\"", "198.51.100.1"))
            .containsExactly("192.0.2.60", "2001:db8::1");
        assertThat(TrustedProxies.forwardedChain(null, "203.0.113.5, 10.0.0.2")).containsExactly("203.0.113.5", "10.0.0.2");
        assertThat(TrustedProxies.forwardedChain(null, null)).isEmpty();
    }
}
