package com.perfectframe;

import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.job.JobSlot;
import com.perfectframe.score.nima.NimaScoringModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** The service's shared objects: one extractor factory (and with it the one model), one job slot. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean(destroyMethod = "close")
    ExtractorFactory extractorFactory(PerfectFrameProperties properties) {
        return ExtractorFactory.loading(
                properties.pipelineSettings(), () -> NimaScoringModel.open(properties.modelOptions()));
    }

    /** Closed before the factory, so that a running job is cancelled before the model it uses is closed. */
    @Bean(destroyMethod = "close")
    @DependsOn("extractorFactory")
    JobSlot jobSlot() {
        return new JobSlot();
    }
}
