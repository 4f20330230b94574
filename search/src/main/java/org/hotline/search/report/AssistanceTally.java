package org.hotline.search.report;

/** Sums of {@link AssistanceFacts} over the parts one unit assisted on; rates in {@link AssistanceRow}. */
public record AssistanceTally(long parts, long signDue, long signedOnTime, long opinionDue, long answeredOnTime) {

    public static final AssistanceTally EMPTY = new AssistanceTally(0, 0, 0, 0, 0);

    public AssistanceTally plus(AssistanceFacts f) {
        return new AssistanceTally(parts + 1, signDue + f.signDue(), signedOnTime + f.signedOnTime(),
                opinionDue + f.opinionDue(), answeredOnTime + f.answeredOnTime());
    }

    public static AssistanceTally sum(AssistanceTally a, AssistanceTally b) {
        return new AssistanceTally(a.parts + b.parts, a.signDue + b.signDue, a.signedOnTime + b.signedOnTime,
                a.opinionDue + b.opinionDue, a.answeredOnTime + b.answeredOnTime);
    }
}
