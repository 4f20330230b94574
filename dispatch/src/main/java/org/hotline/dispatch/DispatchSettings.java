package org.hotline.dispatch;

import java.time.Duration;

/**
 * Dispatch's policy numbers, typed and checked (the server fills them from {@code HOTLINE_DISPATCH_*}).
 *
 * @param autoAssignConfidence below this classifier confidence a ticket waits for a dispatcher; the
 *                             default the routing policy starts from
 * @param hotSpotWindow        how far back tickets of one category in one district count towards a hot spot
 * @param hotSpotThreshold     tickets within the window that make a hot spot
 * @param duplicateWindow      how far back a ticket is searched for possible duplicates
 * @param duplicateSimilarity  text similarity from which a ticket is shown as a possible duplicate
 * @param retrainShare         share of one core the classifier's retraining may use ({@code RetrainSchedule})
 */
public record DispatchSettings(double autoAssignConfidence, Duration hotSpotWindow, int hotSpotThreshold,
                               Duration duplicateWindow, double duplicateSimilarity, double retrainShare) {

    public DispatchSettings {
        require(autoAssignConfidence > 0 && autoAssignConfidence <= 1, "autoAssignConfidence must be within (0, 1]");
        require(positive(hotSpotWindow), "hotSpotWindow must be positive");
        require(hotSpotThreshold >= 2, "hotSpotThreshold must be at least 2");
        require(positive(duplicateWindow), "duplicateWindow must be positive");
        require(duplicateSimilarity > 0 && duplicateSimilarity <= 1, "duplicateSimilarity must be within (0, 1]");
        require(retrainShare > 0 && retrainShare <= 1, "retrainShare must be within (0, 1]");
    }

    /**
     * 0.9 (measured on real messages, {@code AutoAssignPolicy}), hot spots: 5 tickets in 2 h, duplicates: 7 days back
     * from similarity 0.35, retraining within a tenth of a core.
     */
    public static DispatchSettings defaults() {
        return new DispatchSettings(org.hotline.dispatch.routing.AutoAssignPolicy.DEFAULT_CONFIDENCE, Duration.ofHours(2), 5,
                Duration.ofDays(7), 0.35, org.hotline.dispatch.classify.RetrainSchedule.DEFAULT_SHARE);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
