package org.hotline.core.model;

import java.util.regex.Pattern;

/**
 * The masking rules for callers' personal data, applied wherever a ticket leaves the center:
 * API answers, logs, the public Open311 view, exports.
 */
public final class Masking {

    // mainland mobile numbers typed into free text
    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
    /** 18-digit resident ID (last character may be X): region code and last four kept. */
    private static final Pattern ID_CARD_IN_TEXT = Pattern.compile("(?<![\\dXx])(\\d{6})\\d{8}(\\d{3}[\\dXx])(?![\\dXx])");
    /** Landline with area code (0371-12345678, 037112345678, (0371)12345678): area code and last four kept. */
    private static final Pattern LANDLINE_IN_TEXT = Pattern.compile("(?<!\\d)(\\(?0\\d{2,3}\\)?[- ]?)\\d{3,4}(\\d{4})(?!\\d)");

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
     * Every personal number inside free text: ID-card numbers ({@code 410102********1234}), mobile numbers
     * masked like a caller's own ({@code 138****8000}) and landlines with their area code
     * ({@code 0371-****5678}).
     */
    public static String maskPhonesInText(String text) {
        if (text == null) {
            return null;
        }
        String masked = ID_CARD_IN_TEXT.matcher(text).replaceAll("$1********$2");
        masked = MOBILE_IN_TEXT.matcher(masked).replaceAll("$1****$2");
        return LANDLINE_IN_TEXT.matcher(masked).replaceAll("$1****$2");
    }

    /**
     * Free text as someone may read it who must not see the caller: the caller's phone and name
     * (when at least two characters, so a one-character name does not blank out the text) and any
     * mobile number masked.
     */
    public static String maskInText(String text, Caller caller) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (caller.phone() != null && !caller.phone().isBlank()) {
            masked = masked.replace(caller.phone(), maskPhone(caller.phone()));
        }
        if (caller.name() != null && caller.name().codePointCount(0, caller.name().length()) >= 2) {
            masked = masked.replace(caller.name(), maskName(caller.name()));
        }
        return maskPhonesInText(masked);
    }

    /**
     * Whether {@code viewer} may see a caller's name and phone in clear. Center staff and the handling
     * department (which must contact the caller within a working day, and only ever reads tickets in its
     * data scope) see them unless the caller asked for confidentiality; then nobody does: the center
     * contacts the caller through the system. Citizens never see another person's data; a citizen's own
     * tickets are shown to them by the API through their query code, not here. Every answer that shows
     * them in clear is audited as a personal-data read.
     */
    public static boolean seesPersonalData(Actor viewer, boolean confidential) {
        if (confidential) {
            return false;
        }
        return viewer.isCenterStaff() || viewer.role() == Role.DEPARTMENT;
    }
}
