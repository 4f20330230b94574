package org.hotline.core.model;

/**
 * The masking rules for callers' personal data, applied wherever a ticket leaves the center:
 * API answers, logs, the public Open311 view, exports.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 13800138000 -> 138****8000}; short or odd values keep at most their last 4 digits. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String digits = phone.strip();
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        if (digits.length() > 4) {
            return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
        }
        return "*".repeat(digits.length());
    }

    /** {@code 张三丰 -> 张**}: keeps the first character (the surname), one star per other character. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(rest);
    }

    /**
     * Whether {@code viewer} may see a caller's name and phone in clear. Center staff see them
     * unless the caller asked for confidentiality (then nobody does: the center contacts the
     * caller through the system). Departments and citizens never see another person's data; a
     * citizen's own tickets are shown to them by the API through their query code, not here.
     */
    public static boolean seesPersonalData(Actor viewer, boolean confidential) {
        if (confidential) {
            return false;
        }
        return viewer.isCenterStaff();
    }
}
