package org.hotline.core.attachment;

import java.util.Locale;

/**
 * A file name as uploaders typed it, made safe to store, list and send back: no directories, no
 * control or reserved characters, at most {@value #MAX_LENGTH} characters, and the extension of the
 * kind the bytes really are (a {@code .exe} name on a JPEG becomes {@code ….exe.jpg}).
 */
public final class SafeFileName {

    static final int MAX_LENGTH = 80;

    private SafeFileName() {
    }

    public static String of(String raw, FileKind kind) {
        String name = raw == null ? "" : raw;
        // the last path segment only: C:\fakepath\photo.jpg and ../../etc/passwd both lose their directories
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(cp -> kept.appendCodePoint(allowed(cp) ? cp : '_'));
        name = kept.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String suffix = "." + kind.extension();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(suffix) || (kind == FileKind.JPEG && lower.endsWith(".jpeg"))) {
            int dot = name.lastIndexOf('.');
            suffix = name.substring(dot);
            name = name.substring(0, dot);
        }
        if (name.isBlank()) {
            name = "附件";
        }
        int room = MAX_LENGTH - suffix.length();
        if (name.codePointCount(0, name.length()) > room) {
            name = name.substring(0, name.offsetByCodePoints(0, room));
        }
        return name + suffix;
    }

    private static boolean allowed(int cp) {
        return !Character.isISOControl(cp) && "<>:\"/\\|?*;".indexOf(cp) < 0
            && Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.UNASSIGNED;
    }
}
