package org.hotline.core.model;

import java.util.function.IntUnaryOperator;

/**
 * The short code a citizen types next to the ticket number to see its progress (查询码). Only
 * unambiguous characters (no 0/O, 1/I/L) so it survives being read out on the phone.
 */
public record QueryCode(String value) {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;

    public QueryCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a query code is " + LENGTH + " characters of " + ALPHABET);
        }
    }

    /** A code from a source of random indexes (the caller passes a SecureRandom-backed one). */
    public static QueryCode generate(IntUnaryOperator randomBelow) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(randomBelow.applyAsInt(ALPHABET.length())));
        }
        return new QueryCode(code.toString());
    }

    /** Codes are compared ignoring case: citizens type them as they like. */
    public boolean matches(String typed) {
        return typed != null && value.equalsIgnoreCase(typed.strip());
    }

    @Override
    public String toString() {
        return "******";
    }
}
