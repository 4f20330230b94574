package org.hotline.core.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence file the hotline keeps: photos a browser shows without plug-ins and PDF.
 * The kind is read from the file's first bytes, never from its name or the uploader's content type,
 * so a page renamed {@code photo.jpg} is refused.
 */
public enum FileKind {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String contentType;
    private final String extension;

    FileKind(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }

    /** The kind the bytes are, or empty when they are none of the kept kinds. */
    public static Optional<FileKind> sniff(byte[] head) {
        if (startsWith(head, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 0, ascii("%PDF-"))) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** By content type (as stored with an attachment's metadata). */
    public static Optional<FileKind> ofContentType(String type) {
        return Arrays.stream(values()).filter(kind -> kind.contentType.equals(type)).findFirst();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
