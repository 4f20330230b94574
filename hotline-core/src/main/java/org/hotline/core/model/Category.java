package org.hotline.core.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A matter category from the 3-level catalog, GB/T 39666 style: 6 digits, two per level
 * ({@code 010000} 城乡建设 → {@code 010100} 市容环境 → {@code 010101} 占道经营). {@code path} holds the
 * names from the top level down to this one.
 */
public record Category(String code, String name, List<String> path) {

    /** Compiled once: ids are checked on every snapshot read, a hot path at intake rates. */
    private static final Pattern SHAPE = Pattern.compile("\\d{6}");

    public Category {
        if (code == null || !SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("分类编码应为6位数字");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("分类名称不能为空");
        }
        path = List.copyOf(path);
    }

    /** 1, 2 or 3. */
    public int level() {
        if (code.endsWith("0000")) {
            return 1;
        }
        return code.endsWith("00") ? 2 : 3;
    }

    public String parentCode() {
        return switch (level()) {
            case 1 -> null;
            case 2 -> code.substring(0, 2) + "0000";
            default -> code.substring(0, 4) + "00";
        };
    }

    public String pathText() {
        return String.join("/", path);
    }
}
