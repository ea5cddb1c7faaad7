package com.perfectframe;

import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.BestFramesExtractor;
import com.perfectframe.extract.Extractors;
import com.perfectframe.job.JobSlot;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.NimaScoringModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's shared objects: one job slot, one extractor factory. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean(destroyMethod = "close")
    JobSlot jobSlot() {
        return new JobSlot();
    }

    @Bean
    Extractors extractors(PerfectFrameProperties properties) {
        BestFramesExtractor.Tuning defaults = BestFramesExtractor.Tuning.defaults();
        int frameWriters =
                properties.writerThreads() > 0 ? properties.writerThreads() : Extractors.defaultWriterThreads();
        int scoringWorkers = properties.writerThreads() > 0 ? properties.writerThreads() : defaults.workerThreads();
        BestFramesExtractor.Tuning tuning = new BestFramesExtractor.Tuning(
                scoringWorkers, (long) properties.frameBudgetMb() << 20, properties.inferenceBatch());
        NimaOptions nima = NimaOptions.defaults()
                .withModelsDir(properties.modelsDir())
                .withWeightsFile(properties.weightsFile())
                .withWeightsUrl(properties.weightsUrl())
                .withForceCpu(properties.cpu())
                .withNormalization(properties.normalization())
                .withBfloat16(properties.bf16());
        return new Extractors(properties.decoderThreads(), frameWriters, tuning, NimaScoringModel.provider(nima));
    }
}
