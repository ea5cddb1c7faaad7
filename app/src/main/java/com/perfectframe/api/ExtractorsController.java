package com.perfectframe.api;

import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.Extractor;
import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.job.JobBusyException;
import com.perfectframe.job.JobSlot;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starts extractors: {@code POST /extractors/{name}} and the original tool's {@code POST /v2/extractors/{name}}. */
@RestController
class ExtractorsController {

    private final JobSlot slot;
    private final ExtractorFactory extractors;
    private final RequestMapper mapper;

    ExtractorsController(JobSlot slot, ExtractorFactory extractors, PerfectFrameProperties properties) {
        this.slot = slot;
        this.extractors = extractors;
        this.mapper = new RequestMapper(properties);
    }

    @PostMapping({"/extractors/{extractorName}", "/v2/extractors/{extractorName}"})
    Message start(@PathVariable String extractorName, @RequestBody(required = false) ExtractorRequestBody body)
            throws JobBusyException {
        ExtractorRequestBody sent = body == null ? ExtractorRequestBody.EMPTY : body;
        RequestLimits.check(sent);
        ExtractorName name =
                ExtractorName.parse(extractorName).orElseThrow(() -> new UnknownExtractorException(extractorName));
        ExtractionRequest request = mapper.toRequest(sent);
        Extractor extractor = extractors.forRequest(name, request);
        slot.start(name, extractor, request);
        return new Message("'" + name.id() + "' started.");
    }
}
