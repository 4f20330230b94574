package org.hotline.linkage110.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private final RequestSignature signature = new RequestSignature("test-shared-secret-0123456789");
    private final byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureMatchesTheDocumentedExampleVector() {
        // the example in docs/linkage-110.md, so the 110 side can check its implementation against it
        assertThat(signature.sign("POST", "/linkage/v1/orders", 1_795_000_000L, "n-1", body))
                .isEqualTo(DOCUMENTED_VECTOR);
    }

    @Test
    void anyChangeOfMethodPathTimestampNonceOrBodyBreaksTheSignature() {
        String good = signature.sign("POST", "/linkage/v1/orders", 100, "n", body);

        assertThat(signature.matches("POST", "/linkage/v1/orders", 100, "n", body, good)).isTrue();
        assertThat(signature.matches("PUT", "/linkage/v1/orders", 100, "n", body, good)).isFalse();
        assertThat(signature.matches("POST", "/linkage/v1/orders/x", 100, "n", body, good)).isFalse();
        assertThat(signature.matches("POST", "/linkage/v1/orders", 101, "n", body, good)).isFalse();
        assertThat(signature.matches("POST", "/linkage/v1/orders", 100, "m", body, good)).isFalse();
        assertThat(signature.matches("POST", "/linkage/v1/orders", 100, "n", new byte[0], good)).isFalse();
        assertThat(signature.matches("POST", "/linkage/v1/orders", 100, "n", body, null)).isFalse();
    }

    @Test
    void anotherKeyProducesAnotherSignature() {
        var other = new RequestSignature("another-shared-secret-987654");

        assertThat(other.sign("POST", "/p", 1, "n", body)).isNotEqualTo(signature.sign("POST", "/p", 1, "n", body));
    }

    /** Computed independently (Python hmac) for docs/linkage-110.md. */
    static final String DOCUMENTED_VECTOR = "v1=8b744dbe879f3b391e5c6eb893735bdc110e1c468a8fcd0b47f47ac1392d2e11";
}
