package org.hotline.core.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How the ticket store keeps its big texts (the snapshot in {@code ticket:{id}} field {@code s}, the elements of
 * {@code events:{id}}) in Redis memory: raw deflate against a preset dictionary of typical {@code ticket.v1} and
 * {@code event.v1} JSON, base64 so that it stays a string, behind the marker {@code ~1}. A ticket snapshot of
 * 2.6 KB takes about 0.6 KB so; an event a tenth of its JSON.
 *
 * <p>Versioned: {@code ~1} is dictionary 1 ({@code compact-dictionary-1.txt}), which must never change
 * (CompactTextTest pins its digest); a better dictionary gets {@code ~2}. Text without a marker (JSON starts
 * with a brace, an event element with its version) was written before compaction and is read as it is, so old
 * data stays readable with no migration.
 */
public final class CompactText {

    static final String MARKER = "~1";
    private static final byte[] DICTIONARY = dictionary();

    private CompactText() {
    }

    /** The stored form of a text: compacted, or the text itself when compaction would not make it shorter. */
    public static String compact(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            String compacted = MARKER + Base64.getEncoder().encodeToString(out.toByteArray());
            return compacted.length() < raw.length ? compacted : text;
        } finally {
            deflater.end();
        }
    }

    /** The text of a stored form, whether it was compacted or written before compaction; null stays null. */
    public static String expand(String stored) {
        if (stored == null || !stored.startsWith(MARKER)) {
            return stored;
        }
        byte[] compacted = Base64.getDecoder().decode(stored.substring(MARKER.length()));
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY); // raw deflate: no header asks for it, so it is set up front
            inflater.setInput(compacted);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compacted.length * 4);
            byte[] buffer = new byte[2048];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalArgumentException("truncated compact text");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt compact text", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] dictionary() {
        try (InputStream in = CompactText.class.getResourceAsStream("compact-dictionary-1.txt")) {
            if (in == null) {
                throw new IllegalStateException("compact-dictionary-1.txt missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
