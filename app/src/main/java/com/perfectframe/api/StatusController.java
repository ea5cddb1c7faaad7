package com.perfectframe.api;

import com.perfectframe.job.JobSlot;
import com.perfectframe.job.JobStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports the job slot: {@code GET /} and the original tool's {@code GET /v2/status}. */
@RestController
class StatusController {

    private final JobSlot slot;

    StatusController(JobSlot slot) {
        this.slot = slot;
    }

    @GetMapping({"/", "/v2/status", "/status"})
    StatusResponse status() {
        JobStatus current = slot.current().orElse(null);
        return new StatusResponse(
                current == null ? null : current.extractor().id(),
                StatusResponse.Job.of(current),
                StatusResponse.Job.of(slot.last().orElse(null)));
    }
}
