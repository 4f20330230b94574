package org.hotline.core.model;

/** Checks on free text given by people: present and not over its limit. */
final class Texts {

    private Texts() {
    }

    static String require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + "不能为空");
        }
        return limit(value, field, max);
    }

    static String limit(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + "不能超过" + max + "个字");
        }
        return value;
    }
}
