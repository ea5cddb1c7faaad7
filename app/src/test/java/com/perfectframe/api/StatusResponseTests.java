package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusResponseTests {

    @Test
    void nativeBuildPathsKeepOnlyTheFileName() {
        String opencv = "cannot be read: OpenCV(4.10.0) /home/runner/work/javacpp-presets/javacpp-presets/opencv/"
                + "cppbuild/linux-x86_64/opencv-4.10.0/modules/imgcodecs/src/loadsave.cpp:1120: error: (-215:Assertion"
                + " failed) !buf.empty() in function 'imdecode_'";
        assertThat(StatusResponse.withoutBuildPaths(opencv))
                .isEqualTo("cannot be read: OpenCV(4.10.0) loadsave.cpp:1120: error: (-215:Assertion failed)"
                        + " !buf.empty() in function 'imdecode_'");
        assertThat(StatusResponse.withoutBuildPaths("C:\\jenkins\\tf\\core\\kernel.cc:42 failed"))
                .isEqualTo("kernel.cc:42 failed");
        String user = "Cannot write to output folder /data/out/clip.mp4_00-00-01.000.jpg";
        assertThat(StatusResponse.withoutBuildPaths(user)).isEqualTo(user);
        assertThat(StatusResponse.withoutBuildPaths(null)).isNull();
    }
}
