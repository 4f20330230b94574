package org.hotline.search.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a caller's question becomes search words: agents type what the citizen asks ("公积金怎么提取"),
 * so question and filler words that no article contains are dropped before matching.
 */
final class KnowledgeWords {

    private static final Set<String> FILLERS = Set.of("怎么", "怎样", "怎么样", "如何", "什么", "哪里", "哪儿", "哪些", "哪个",
            "吗", "呢", "吧", "啊", "的", "了", "是", "我", "我的", "你", "您", "请问", "可以", "能", "能不能", "是否", "要",
            "需要", "想", "一下", "有", "没有", "在", "和", "或", "办", "问", "怎么办", "咋办", "咋", "给", "让", "刚", "上",
            "哪", "去", "找");
    /** Spoken words and the written ones articles use. */
    private static final Map<String, List<String>> WRITTEN = Map.of("交", List.of("缴"), "交费", List.of("缴费"),
            "交纳", List.of("缴纳"), "补办", List.of("补领"), "社保", List.of("社会保险"), "医保", List.of("医疗保险"),
            "上户口", List.of("落户"));

    private KnowledgeWords() {
    }

    static List<String> meaningful(List<String> words) {
        var kept = new LinkedHashSet<String>();
        for (String w : words) {
            String word = w.strip();
            if (!word.isEmpty() && !FILLERS.contains(word)) {
                kept.add(word);
            }
        }
        return List.copyOf(kept);
    }

    /** The word and the written forms it stands for. */
    static List<String> variants(String word) {
        var all = new java.util.ArrayList<String>();
        all.add(word);
        all.addAll(WRITTEN.getOrDefault(word, List.of()));
        return all;
    }

    /** Catalog codes are two digits per level: 100400 covers 1004xx, 100000 covers 10xxxx. */
    static String categoryPrefix(String code) {
        String prefix = code;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    /** Up to about 120 characters of the content around the first word found, for the hit list. */
    static String snippet(String content, List<String> words) {
        String flat = content.replaceAll("\\s+", " ");
        int at = -1;
        for (String w : words) {
            int i = flat.indexOf(w);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        int start = Math.max(0, at < 0 ? 0 : at - 30);
        int end = Math.min(flat.length(), start + 120);
        return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
    }
}
