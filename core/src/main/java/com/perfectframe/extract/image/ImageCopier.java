package com.perfectframe.extract.image;

import static com.perfectframe.extract.stage.StageName.COPY;
import static com.perfectframe.extract.stage.StageName.READ;

import com.perfectframe.extract.output.OutputFiles;
import com.perfectframe.extract.output.OutputNames;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.HeifColourProfile;
import com.perfectframe.image.HeifExif;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.image.ImageReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The copy stage's work on one kept image: byte for byte when it is already in the output format, re-encoded
 * otherwise; atomically, under the image's own name. A source that can no longer be read fails that image; an
 * output folder that cannot be written fails the job.
 */
public final class ImageCopier implements ImagePipeline.CopyStep {

    private final Path output;
    private final ImageEncoder encoder;

    public ImageCopier(Path output, ImageFormat format) {
        this.output = output;
        this.encoder = new ImageEncoder(format);
    }

    @Override
    public ImagePipeline.Copied copy(Path image) throws StageFailure {
        ImageFormat format = encoder.format();
        String name = OutputNames.forImage(image, format.extension());
        if (sourceFormat(image) == format) {
            Path earlier = output.resolve(name);
            if (sameBytes(image, earlier)) {
                return new ImagePipeline.Copied(earlier, true);
            }
            InputStream in;
            try {
                in = Files.newInputStream(image);
            } catch (IOException e) {
                throw StageFailure.ofInput(READ, image, "can no longer be read: " + StageFailure.describe(e), e);
            }
            try (in) {
                return new ImagePipeline.Copied(
                        OutputFiles.writeNew(output, name, channel -> transfer(in, channel)), false);
            } catch (SourceUnreadable e) {
                throw StageFailure.ofInput(
                        READ, image, "can no longer be read: " + StageFailure.describe(e.getCause()), e);
            } catch (IOException e) {
                throw outputFailure(image, e);
            }
        }
        EncodedImage encoded;
        try (Mat bgr = ImageReader.read(image)) {
            // A HEIC/AVIF keeps its EXIF (capture time, camera, GPS) and its colour profile in the JPEG or PNG.
            encoded = encoder.encodeNative(
                    bgr,
                    HeifExif.read(image).orElse(null),
                    HeifColourProfile.read(image).orElse(null));
        } catch (IOException e) {
            throw StageFailure.ofInput(READ, image, StageFailure.describe(e), e);
        } catch (RuntimeException e) {
            throw StageFailure.ofInput(COPY, image, "cannot be re-encoded: " + StageFailure.describe(e), e);
        }
        try (encoded) {
            Path earlier = output.resolve(name);
            if (sameBytes(encoded, earlier)) {
                return new ImagePipeline.Copied(earlier, true);
            }
            return new ImagePipeline.Copied(OutputFiles.writeNew(output, name, encoded::writeTo), false);
        } catch (IOException e) {
            throw outputFailure(image, e);
        }
    }

    /**
     * Whether an earlier run already copied this image here: same name, same bytes (a rerun into the same folder
     * must not add {@code x_1.jpg} beside an identical {@code x.jpg}). A re-encoded image is compared once encoded.
     */
    private static boolean sameBytes(Path image, Path earlier) {
        try {
            return Files.isRegularFile(earlier, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.size(earlier) == Files.size(image)
                    && Files.mismatch(image, earlier) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether an earlier run already wrote this re-encoded picture here: same name, same bytes. */
    private static boolean sameBytes(EncodedImage encoded, Path earlier) {
        try {
            if (!Files.isRegularFile(earlier, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.size(earlier) != encoded.size()) {
                return false;
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream((int) encoded.size());
            encoded.writeTo(java.nio.channels.Channels.newChannel(bytes));
            return java.util.Arrays.equals(bytes.toByteArray(), Files.readAllBytes(earlier));
        } catch (IOException e) {
            return false;
        }
    }

    /** A failure to read the source while copying it, told apart from a failure to write the copy. */
    private static final class SourceUnreadable extends IOException {
        private static final long serialVersionUID = 1L;

        SourceUnreadable(IOException cause) {
            super(cause);
        }
    }

    /** Copies the file's bytes; a read error is a {@link SourceUnreadable}, a write error is the channel's own. */
    private static void transfer(InputStream in, WritableByteChannel channel) throws IOException {
        byte[] chunk = new byte[1 << 16];
        while (true) {
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                throw new SourceUnreadable(e);
            }
            if (n < 0) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private StageFailure outputFailure(Path image, IOException e) {
        if (OutputFiles.nameTooLong(e)) {
            return StageFailure.ofInput(COPY, image, "its name is too long for the output folder's file system", e);
        }
        return StageFailure.ofJob(
                COPY,
                image,
                "Cannot write to output folder " + output.toAbsolutePath() + ": " + StageFailure.describe(e),
                e);
    }

    private static ImageFormat sourceFormat(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        try {
            return dot < 0 ? null : ImageFormat.parse(name.substring(dot));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
