package org.hotline.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.hotline.core.error.HotlineException;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    record Sample(String name, int count, boolean flag) {
    }

    @Test
    void readsAWellFormedBody() {
        Sample sample = JsonBodies.read("{\"name\":\"张三\",\"count\":2,\"flag\":true}".getBytes(StandardCharsets.UTF_8), Sample.class);

        assertThat(sample).isEqualTo(new Sample("张三", 2, true));
    }

    @Test
    void refusesCoercionOfStringsIntoNumbersAndBooleans() {
        assertCode("{\"name\":\"a\",\"count\":\"2\",\"flag\":true}", "request.wrong-type");
        assertCode("{\"name\":\"a\",\"count\":2,\"flag\":\"true\"}", "request.wrong-type");
        assertCode("{\"name\":5,\"count\":2,\"flag\":true}", "request.wrong-type");
    }

    @Test
    void refusesUnknownAndDuplicateFieldsAndTrailingGarbage() {
        assertCode("{\"name\":\"a\",\"count\":2,\"flag\":true,\"role\":\"ADMIN\"}", "request.unknown-field");
        assertCode("{\"name\":\"a\",\"name\":\"b\",\"count\":2,\"flag\":true}", "request.malformed-json");
        assertCode("{\"name\":\"a\",\"count\":2,\"flag\":true} {}", "request.wrong-type");
    }

    @Test
    void refusesNullBodyAndMissingPrimitive() {
        assertCode("null", "request.empty-body");
        assertCode("{\"name\":\"a\",\"count\":null,\"flag\":true}", "request.wrong-type");
    }

    @Test
    void refusesInvalidUtf8BeforeParsing() {
        byte[] bytes = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'};

        assertThatThrownBy(() -> JsonBodies.read(bytes, Sample.class))
            .isInstanceOfSatisfying(HotlineException.class, e -> assertThat(e.code()).isEqualTo("request.invalid-utf8"));
    }

    private static void assertCode(String json, String code) {
        assertThatThrownBy(() -> JsonBodies.read(json.getBytes(StandardCharsets.UTF_8), Sample.class))
            .isInstanceOfSatisfying(HotlineException.class, e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.getMessage()).doesNotContain("com.fasterxml");
            });
    }
}
