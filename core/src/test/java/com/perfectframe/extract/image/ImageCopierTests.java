package com.perfectframe.extract.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying kept images: byte for byte, and failures told apart by whose they are (the image's or the folder's). */
class ImageCopierTests {

    @TempDir
    Path dir;

    @Test
    void copiesAnImageInTheOutputFormatByteForByteUnderItsOwnName() throws Exception {
        Path image = TestImages.write(dir.resolve("IMG_7.jpg"), 7);
        Path output = Files.createDirectory(dir.resolve("out"));
        ImagePipeline.Copied written = new ImageCopier(output, ImageFormat.JPG).copy(image);
        assertThat(written).isEqualTo(new ImagePipeline.Copied(output.resolve("IMG_7.jpg"), false));
        assertThat(Files.readAllBytes(written.path())).isEqualTo(Files.readAllBytes(image));
    }

    @Test
    void aRerunFindsItsIdenticalCopyAndWritesNoDuplicateButAChangedImageGetsANewName() throws Exception {
        Path image = TestImages.write(dir.resolve("IMG_8.jpg"), 8);
        Path output = Files.createDirectory(dir.resolve("out"));
        new ImageCopier(output, ImageFormat.JPG).copy(image);

        assertThat(new ImageCopier(output, ImageFormat.JPG).copy(image))
                .isEqualTo(new ImagePipeline.Copied(output.resolve("IMG_8.jpg"), true));
        assertThat(output.resolve("IMG_8_1.jpg")).doesNotExist();

        TestImages.write(image, 9);
        assertThat(new ImageCopier(output, ImageFormat.JPG).copy(image))
                .isEqualTo(new ImagePipeline.Copied(output.resolve("IMG_8_1.jpg"), false));
    }

    @Test
    void anImageThatVanishedFailsOnlyItself() throws Exception {
        Path output = Files.createDirectory(dir.resolve("out"));
        assertThatThrownBy(() -> new ImageCopier(output, ImageFormat.JPG).copy(dir.resolve("gone.jpg")))
                .isInstanceOfSatisfying(StageFailure.class, f -> {
                    assertThat(f.stopsJob()).isFalse();
                    assertThat(f.stage().id()).isEqualTo("read");
                });
    }

    @Test
    void anOutputFolderThatCannotBeWrittenStopsTheJob() throws Exception {
        Path image = TestImages.write(dir.resolve("a.jpg"), 1);
        Path notAFolder = Files.writeString(dir.resolve("out"), "a file where the folder should be");
        assertThatThrownBy(() -> new ImageCopier(notAFolder, ImageFormat.JPG).copy(image))
                .isInstanceOfSatisfying(StageFailure.class, f -> {
                    assertThat(f.stopsJob()).isTrue();
                    assertThat(f.getMessage()).startsWith("Cannot write to output folder");
                });
    }
}
