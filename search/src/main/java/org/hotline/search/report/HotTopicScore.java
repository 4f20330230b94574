package org.hotline.search.report;

/**
 * Significance of a word in a subset of tickets against all tickets: the JLH score that
 * Elasticsearch's significant_terms uses by default, so both backends rank hot topics alike.
 */
public final class HotTopicScore {

    private HotTopicScore() {
    }

    /** Single characters and numbers say little about a topic. */
    public static boolean candidate(String word) {
        return word.codePointCount(0, word.length()) >= 2 && !word.chars().allMatch(Character::isDigit);
    }

    public static double jlh(long subsetFreq, long subsetSize, long supersetFreq, long supersetSize) {
        if (subsetSize == 0 || supersetSize == 0 || supersetFreq == 0) {
            return 0;
        }
        double subsetProbability = (double) subsetFreq / subsetSize;
        double supersetProbability = (double) supersetFreq / supersetSize;
        double absoluteChange = subsetProbability - supersetProbability;
        if (absoluteChange <= 0) {
            return 0;
        }
        return absoluteChange * (subsetProbability / supersetProbability);
    }
}
