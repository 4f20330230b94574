package org.hotline.linkage110.lists;

import java.util.Comparator;
import java.util.List;

/**
 * Intake rule: an appeal belongs to 110 when its title or content names a keyword of an item of the
 * 12345 -> 110 list in force. The item with most keyword hits wins (title hits count double, since a
 * title is the agent's own summary); on a tie the more urgent item wins, then list order.
 */
public final class EmergencyDetector {

    static final String ADVICE_EMERGENCY = "疑似危及人身或财产安全，属110管辖：请立即一键转接110或发起三方通话；"
            + "网上诉求将推送110，并提示群众：如有生命危险请立即拨打110。";
    static final String ADVICE_URGENT = "属110管辖的治安类事项：请转110处置，并向群众说明已移交110。";
    static final String ADVICE_NONE = "未命中110移交清单，按12345流程办理。";

    public EmergencyVerdict check(TransferList toPolice, String title, String content) {
        String t = title == null ? "" : title;
        String c = content == null ? "" : content;
        return toPolice.items().stream()
                .map(item -> new Hit(item, score(item, t, c), matched(item, t + "\n" + c)))
                .filter(hit -> hit.score > 0)
                .max(Comparator.<Hit>comparingInt(h -> h.score)
                        .thenComparingInt(h -> rank(h.item.urgency()))
                        .thenComparingInt(h -> -toPolice.items().indexOf(h.item)))
                .map(hit -> new EmergencyVerdict(true, hit.item, toPolice.version(), hit.matched,
                        "EMERGENCY".equals(hit.item.urgency()) ? ADVICE_EMERGENCY : ADVICE_URGENT))
                .orElseGet(() -> new EmergencyVerdict(false, null, toPolice.version(), List.of(), ADVICE_NONE));
    }

    private static int score(TransferListItem item, String title, String content) {
        int score = 0;
        for (String keyword : item.keywords()) {
            score += (title.contains(keyword) ? 2 : 0) + (content.contains(keyword) ? 1 : 0);
        }
        return score;
    }

    private static List<String> matched(TransferListItem item, String text) {
        return item.keywords().stream().filter(text::contains).toList();
    }

    private static int rank(String urgency) {
        return switch (urgency) {
            case "EMERGENCY" -> 2;
            case "URGENT" -> 1;
            default -> 0;
        };
    }

    private record Hit(TransferListItem item, int score, List<String> matched) {
    }
}
