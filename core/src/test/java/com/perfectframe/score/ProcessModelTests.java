package com.perfectframe.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessModelTests {

    /** A model that only knows whether it was closed. */
    static final class Model implements ScoringModel {
        boolean closed;

        @Override
        public PicturePreparer newPreparer() {
            return bgr -> new float[0];
        }

        @Override
        public FrameScorer scorer() {
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void loadsOnceAndGivesTheSameModelToEveryJob() {
        AtomicInteger loads = new AtomicInteger();
        Model model = new Model();
        try (ProcessModel shared = new ProcessModel(() -> {
            loads.incrementAndGet();
            return model;
        })) {
            assertThat(loads).hasValue(0);
            for (int job = 0; job < 5; job++) {
                assertThat(shared.get()).isSameAs(model);
            }
            assertThat(loads).hasValue(1);
            assertThat(model.closed).isFalse();
        }
        assertThat(model.closed).isTrue();
    }

    @Test
    void aFailedLoadIsTriedAgainAtTheNextJob() {
        AtomicInteger attempts = new AtomicInteger();
        Model model = new Model();
        ProcessModel shared = new ProcessModel(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ModelException("No NIMA weights in models/: put weights.h5 there.");
            }
            return model;
        });
        assertThatThrownBy(shared::get).isInstanceOf(ModelException.class).hasMessageContaining("weights.h5");
        assertThat(shared.get()).isSameAs(model);
        shared.close();
        assertThatThrownBy(shared::get).isInstanceOf(IllegalStateException.class);
    }
}
