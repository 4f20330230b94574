package org.hotline.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** AMI event sequences recorded as wire text in src/test/resources/ami (blocks separated by a blank line). */
final class RecordedAmi {

    private RecordedAmi() {
    }

    static List<AmiEvent> load(String name) {
        try (InputStream in = RecordedAmi.class.getResourceAsStream("/ami/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\r?\\n\\s*\\r?\\n")).filter(b -> !b.isBlank()).map(AmiEvent::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
