package org.hotline.dispatch.classify;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What the classifier currently answers with: a trained model (how many examples, categories,
 * features, when, how long training took) or the keyword rules of the cold start.
 */
public record ModelStatus(boolean trained, int examples, int categories, int features, Instant trainedAt,
        long trainingMillis, boolean training) {

    public static ModelStatus coldStart(boolean training) {
        return new ModelStatus(false, 0, 0, 0, null, 0, training);
    }

    public ModelStatus withTraining(boolean nowTraining) {
        return new ModelStatus(trained, examples, categories, features, trainedAt, trainingMillis, nowTraining);
    }

    public JsonObject toJson() {
        return new JsonObject().put("trained", trained).put("examples", examples).put("categories", categories)
                .put("features", features).put("trainedAt", trainedAt == null ? null : trainedAt.toString())
                .put("trainingMillis", trainingMillis).put("training", training);
    }
}
