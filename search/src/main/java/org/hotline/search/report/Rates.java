package org.hotline.search.report;

/** The one rounding of the report rates: four decimals, null without a denominator (not the same as 0). */
final class Rates {

    private Rates() {
    }

    static Double of(double numerator, long denominator) {
        return denominator == 0 ? null : round(numerator / denominator);
    }

    static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
