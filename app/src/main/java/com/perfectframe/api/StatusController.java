package com.perfectframe.api;

import com.perfectframe.access.Exposure;
import com.perfectframe.job.JobSlot;
import com.perfectframe.job.JobStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports the job slot: {@code GET /} and the original tool's {@code GET /v2/status}; with the service's warnings
 * about its own exposure ({@link Exposure}).
 */
@RestController
class StatusController {

    private final JobSlot slot;
    private final Exposure exposure;

    StatusController(JobSlot slot, Exposure exposure) {
        this.slot = slot;
        this.exposure = exposure;
    }

    @GetMapping({"/", "/v2/status", "/status"})
    StatusResponse status() {
        JobStatus current = slot.current().orElse(null);
        return new StatusResponse(
                current == null ? null : current.extractor().id(),
                StatusResponse.Job.of(current),
                StatusResponse.Job.of(slot.last().orElse(null)),
                exposure.warnings());
    }
}
