package com.perfectframe.video.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.PSNR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import com.perfectframe.image.ImageReader;
import com.perfectframe.testing.HeifFiles;
import java.nio.file.Path;
import org.bytedeco.javacpp.indexer.UShortIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HDR photos (AVIF with the PQ or HLG transfer, as phones begin to write them) are tone-mapped like HDR video: the
 * same {@link ToneMapper}, here checked against libavif's own decode of the file (its 16-bit RGB, still in the HDR
 * signal) put through the tone mapping, so that what is compared is our decode of the file.
 */
class HdrStillTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"9/16/9, false", "9/18/9, true"})
    void anHdrAvifIsToneMappedAsHdrVideoIs(String cicp, boolean hlg) throws Exception {
        HeifFiles.assumeTool("avifenc");
        HeifFiles.assumeTool("avifdec");
        Path source = dir.resolve("signal.png");
        try (Mat signal = new Mat(180, 320, CV_16UC3)) {
            UShortIndexer idx = signal.createIndexer();
            for (int y = 0; y < 180; y++) {
                for (int x = 0; x < 320; x++) {
                    // A ramp up to bright highlights, different in each channel.
                    idx.put(y, x, 0, (int) (65535L * x / 320));
                    idx.put(y, x, 1, (int) (65535L * y / 180 * 3 / 4));
                    idx.put(y, x, 2, (int) (65535L * ((x + y) % 160) / 160 / 2));
                }
            }
            idx.close();
            imwrite(source.toString(), signal);
        }
        Path avif = dir.resolve("hdr.avif");
        HeifFiles.run(
                "avifenc",
                "-s",
                "8",
                "--min",
                "0",
                "--max",
                "10",
                "-d",
                "10",
                "-y",
                "444",
                "--cicp",
                cicp,
                source.toString(),
                avif.toString());
        Path decoded = dir.resolve("libavif.png");
        HeifFiles.run("avifdec", "-d", "16", avif.toString(), decoded.toString());
        Path untreatedFile = dir.resolve("untreated.png");
        HeifFiles.run("avifdec", "-d", "8", avif.toString(), untreatedFile.toString());

        try (Mat ours = ImageReader.read(avif);
                Mat bgr48 = imread(decoded.toString(), IMREAD_UNCHANGED);
                Mat rgb48 = new Mat();
                Mat untreated = imread(untreatedFile.toString())) {
            cvtColor(bgr48, rgb48, COLOR_BGR2RGB);
            try (Mat reference = new ToneMapper().toSdr(rgb48, hlg, 0)) {
                double psnr = PSNR(ours, reference);
                assertThat(psnr)
                        .as("PSNR against libavif's decode, tone-mapped")
                        .isGreaterThanOrEqualTo(30);
                assertThat(PSNR(untreated, reference))
                        .as("the HDR signal shown untreated differs (washed out)")
                        .isLessThan(psnr - 8);
            }
        }
    }
}
