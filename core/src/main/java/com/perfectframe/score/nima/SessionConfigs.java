package com.perfectframe.score.nima;

import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.proto.framework.GPUOptions;
import org.tensorflow.proto.framework.GraphOptions;
import org.tensorflow.proto.framework.RewriterConfig;

/** TensorFlow session settings: device choice and the optional oneDNN bfloat16 rewrite. */
final class SessionConfigs {

    private SessionConfigs() {}

    /**
     * @param forceCpu hide GPUs from the session
     * @param bfloat16 let TensorFlow's oneDNN auto-mixed-precision pass run eligible ops in bfloat16
     */
    static ConfigProto of(boolean forceCpu, boolean bfloat16) {
        ConfigProto.Builder config = ConfigProto.newBuilder();
        if (forceCpu) {
            config.putDeviceCount("GPU", 0);
        } else {
            // Take GPU memory as needed rather than all of it up front, so the GPU can be shared.
            config.setAllowSoftPlacement(true)
                    .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
        }
        if (bfloat16) {
            config.setGraphOptions(GraphOptions.newBuilder()
                    .setRewriteOptions(
                            RewriterConfig.newBuilder().setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON)));
        }
        return config.build();
    }
}
