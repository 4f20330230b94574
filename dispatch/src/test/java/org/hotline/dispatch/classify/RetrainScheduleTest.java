package org.hotline.dispatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retraining from the whole corpus runs within a share of a core, never once per closed ticket. */
class RetrainScheduleTest {

    final Vertx vertx = Vertx.vertx();
    final List<Promise<Void>> runs = Collections.synchronizedList(new ArrayList<>());

    private Future<?> retrain() {
        Promise<Void> run = Promise.promise();
        runs.add(run);
        return run.future();
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void examplesArrivingDuringARetrainingAreAllTakenByOneNextRun() {
        var schedule = new RetrainSchedule(vertx, this::retrain, 1.0, Duration.ZERO);
        schedule.examplesAdded();
        for (int closed = 0; closed < 200; closed++) {
            schedule.examplesAdded();
        }
        assertThat(runs).as("one run at a time").hasSize(1);

        // a whole share: no pause, the next run starts as the first one ends
        runs.get(0).complete();
        assertThat(runs).hasSize(2);
        runs.get(1).complete();
        assertThat(runs).as("nothing new arrived during the second run").hasSize(2);
    }

    @Test
    void examplesAfterARetrainingWaitOutItsShareOfTheCore() {
        var schedule = new RetrainSchedule(vertx, this::retrain, 0.1, Duration.ofHours(1));
        schedule.examplesAdded();
        runs.get(0).complete();

        schedule.examplesAdded();
        schedule.examplesAdded();

        assertThat(runs).as("the pause after a run is not over").hasSize(1);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RetrainSchedule(vertx, this::retrain, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrainSchedule(vertx, this::retrain, 1.5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
