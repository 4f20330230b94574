package org.hotline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void hashVerifiesOnlyTheSamePassword() {
        String stored = hasher.hash("correct horse");

        assertThat(hasher.matches("correct horse", stored)).isTrue();
        assertThat(hasher.matches("correct horsf", stored)).isFalse();
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct");
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void iterationCountTravelsWithTheHash() {
        String stored = new PasswordHasher(2_000).hash("pw-12345678");

        assertThat(hasher.matches("pw-12345678", stored)).isTrue();
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertThat(hasher.matches("x", "plain-text")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2-sha256$abc$def$ghi")).isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
    }
}
