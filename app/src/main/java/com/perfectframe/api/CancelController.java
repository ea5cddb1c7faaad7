package com.perfectframe.api;

import com.perfectframe.job.JobSlot;
import com.perfectframe.job.JobStatus;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cancels the running job: {@code DELETE /extractors/current}. The job stops through the pipeline's cancellation
 * hook (no temporary file stays, the video in progress is not renamed); the answer comes once it has stopped, so the
 * next {@code POST} finds the slot free and {@code GET /} shows the job as cancelled with what it had done.
 */
@RestController
class CancelController {

    /** How long the request waits for the job to let go; a job stops between pictures, well within this. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final JobSlot slot;

    CancelController(JobSlot slot) {
        this.slot = slot;
    }

    @DeleteMapping("/extractors/current")
    ResponseEntity<?> cancel() throws InterruptedException {
        Optional<JobStatus> running = slot.current();
        if (running.isEmpty() || !slot.cancel()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ApiErrors.problem(HttpStatus.NOT_FOUND, "No job running", "No job is running."));
        }
        String name = running.get().extractor().id();
        if (!slot.awaitIdle(WAIT)) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new Message("'" + name + "' is stopping; GET / shows when it has."));
        }
        return ResponseEntity.ok(new Message("'" + name + "' cancelled."));
    }
}
