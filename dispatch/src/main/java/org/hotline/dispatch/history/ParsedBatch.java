package org.hotline.dispatch.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The lines of one import split into accepted and rejected, plus the categories it created. */
record ParsedBatch(List<HistoryLine> accepted, List<HistoryLineParser.Rejected> rejected, List<String> created) {

    static ParsedBatch of(String ndjson) {
        List<HistoryLine> accepted = new ArrayList<>();
        List<HistoryLineParser.Rejected> rejected = new ArrayList<>();
        String[] lines = ndjson.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            HistoryLineParser.Parsed parsed = HistoryLineParser.parse(i + 1, lines[i]);
            if (parsed instanceof HistoryLineParser.Accepted ok) {
                accepted.add(ok.line());
            } else if (parsed instanceof HistoryLineParser.Rejected bad) {
                rejected.add(bad);
            }
        }
        return new ParsedBatch(accepted, rejected, List.of());
    }

    ParsedBatch rejectUnknown(Set<String> known) {
        List<HistoryLine> kept = new ArrayList<>();
        List<HistoryLineParser.Rejected> refused = new ArrayList<>(rejected);
        for (HistoryLine line : accepted) {
            if (known.contains(line.category())) {
                kept.add(line);
            } else {
                refused.add(new HistoryLineParser.Rejected(line.lineNumber(),
                        "未知分类编码 " + line.category() + "（可用 createCategories=true 自动创建）"));
            }
        }
        refused.sort(Comparator.comparingInt(HistoryLineParser.Rejected::lineNumber));
        return new ParsedBatch(kept, refused, created);
    }

    ParsedBatch withCreated(List<String> codes) {
        return new ParsedBatch(accepted, rejected, codes);
    }
}
