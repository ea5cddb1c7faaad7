package com.perfectframe.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (with the job's {@code spark.hadoop.*} settings: credentials, endpoints) as plain
 * strings, so that executors open the same file systems. Hadoop's {@link Configuration} is not serializable.
 */
record HadoopConf(Map<String, String> values) implements Serializable {

    static HadoopConf of(Configuration configuration) {
        Map<String, String> values = new HashMap<>();
        configuration.forEach(e -> values.put(e.getKey(), e.getValue()));
        return new HadoopConf(values);
    }

    Configuration configuration() {
        Configuration configuration = new Configuration(false);
        values.forEach(configuration::set);
        return configuration;
    }
}
