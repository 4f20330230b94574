package org.hotline.search.port;

/**
 * Sums of {@code report.AssistanceFacts} over the parts one unit assisted on (协办); rates in
 * {@code report.AssistanceRow}. In the port, as {@link CenterTally} is, so backends return it.
 */
public record AssistanceTally(long parts, long signDue, long signedOnTime, long opinionDue, long answeredOnTime) {

    public static final AssistanceTally EMPTY = new AssistanceTally(0, 0, 0, 0, 0);

    /** This tally with one more part and its four facts (0 or 1 each). */
    public AssistanceTally plus(int partSignDue, int partSignedOnTime, int partOpinionDue, int partAnsweredOnTime) {
        return new AssistanceTally(parts + 1, signDue + partSignDue, signedOnTime + partSignedOnTime,
                opinionDue + partOpinionDue, answeredOnTime + partAnsweredOnTime);
    }

    public static AssistanceTally sum(AssistanceTally a, AssistanceTally b) {
        return new AssistanceTally(a.parts + b.parts, a.signDue + b.signDue, a.signedOnTime + b.signedOnTime,
                a.opinionDue + b.opinionDue, a.answeredOnTime + b.answeredOnTime);
    }
}
