package com.perfectframe;

import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.Extractors;
import com.perfectframe.job.JobSlot;
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
        int writers = properties.writerThreads() > 0 ? properties.writerThreads() : Extractors.defaultWriterThreads();
        return new Extractors(properties.decoderThreads(), writers);
    }
}
