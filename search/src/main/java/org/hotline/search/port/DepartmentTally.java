package org.hotline.search.port;

/** Sums of {@link TicketFacts} over the tickets of one department; rates are derived in {@link org.hotline.search.report.DepartmentRow}. */
public record DepartmentTally(
        long tickets,
        long signDue, long signedOnTime,
        long responseDue, long responded,
        long completionDue, long completedOnTime,
        long visited, long resolved,
        long rated, long satisfied, long basicallySatisfied,
        long returns, long extensions,
        long overdue,
        long replied, long handlingSeconds,
        long firstRated, long firstSatisfied, long firstBasicallySatisfied) {

    public static final DepartmentTally EMPTY = new DepartmentTally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public DepartmentTally plus(TicketFacts f) {
        return new DepartmentTally(tickets + 1,
                signDue + f.signDue(), signedOnTime + f.signedOnTime(),
                responseDue + f.responseDue(), responded + f.responded(),
                completionDue + f.completionDue(), completedOnTime + f.completedOnTime(),
                visited + f.visited(), resolved + f.resolved(),
                rated + f.rated(), satisfied + f.satisfied(), basicallySatisfied + f.basicallySatisfied(),
                returns + f.returns(), extensions + f.extensions(),
                overdue + f.overdue(),
                replied + f.replied(), handlingSeconds + f.handlingSeconds(),
                firstRated + f.firstRated(), firstSatisfied + f.firstSatisfied(),
                firstBasicallySatisfied + f.firstBasicallySatisfied());
    }
}
