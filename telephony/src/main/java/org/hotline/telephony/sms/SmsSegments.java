package org.hotline.telephony.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as the short messages that carry it: UCS2 (UTF-16BE, data_coding 0x08) because Chinese does
 * not fit GSM 7-bit. Up to 70 characters travel as one message; a longer text is cut into parts of
 * 67 characters, each behind a 6-byte user data header (IEI 0x00: reference, total, sequence) that
 * the phone uses to show one message again. A cut never splits a surrogate pair.
 */
public final class SmsSegments {

    static final int SINGLE_CHARS = 70;
    static final int PART_CHARS = 67;
    static final int MAX_PARTS = 255;

    private SmsSegments() {
    }

    /** The payloads of the messages that carry {@code text}; {@code reference} ties the parts together. */
    public static List<byte[]> of(String text, int reference) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("短信内容不能为空");
        }
        if (text.length() <= SINGLE_CHARS) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> parts = cut(text);
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("短信过长：超过" + MAX_PARTS + "条分段");
        }
        List<byte[]> payloads = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            byte[] body = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] payload = new byte[6 + body.length];
            payload[0] = 0x05;
            payload[1] = 0x00;
            payload[2] = 0x03;
            payload[3] = (byte) reference;
            payload[4] = (byte) parts.size();
            payload[5] = (byte) (i + 1);
            System.arraycopy(body, 0, payload, 6, body.length);
            payloads.add(payload);
        }
        return payloads;
    }

    /** True when the payloads need the UDHI flag in esm_class (more than one part). */
    public static boolean segmented(List<byte[]> payloads) {
        return payloads.size() > 1;
    }

    /** Reads back one payload (with or without its header) as text; the SMSC side and tests use it. */
    public static String text(byte[] payload, boolean withHeader) {
        int skip = withHeader ? (payload[0] & 0xFF) + 1 : 0;
        return new String(payload, skip, payload.length - skip, StandardCharsets.UTF_16BE);
    }

    private static List<String> cut(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PART_CHARS, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }
}
