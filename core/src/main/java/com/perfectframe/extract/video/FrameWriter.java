package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.WRITE;

import com.perfectframe.capture.CaptureTime;
import com.perfectframe.capture.Recording;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.OutputFiles;
import com.perfectframe.extract.output.OutputNames;
import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.image.metadata.FrameTags;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.picture.BgrConverter;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The writing stage's work on one kept frame: a picture named after its video and time (in the output folder's
 * mirror of the video's folder), carrying when, where and with what it was filmed and where it comes from ({@link
 * FrameTags}), written atomically into its video's staging folder with its manifest row, both committed with the
 * video ({@link StagedVideo}). A frame that cannot be converted or encoded fails its video; an output folder that
 * cannot be written fails the job. One per writing thread (the converter keeps native scratch memory).
 */
public final class FrameWriter implements VideoPipeline.WriteStep<SampledFrame> {

    private final BgrConverter converter = new BgrConverter();
    private final ImageEncoder encoder;
    private final String modelName;
    private final Sources sources;

    /** The tags of the video last written by this thread: made once per video. */
    private FrameTags tags;

    private Path tagsVideo;

    private Recording tagsRecording;

    /**
     * Where frames come from, as pictures and the manifest name them.
     *
     * @param inputRoot the job's input folder: a video is named by its path under it, and its pictures go to the same
     *     path under the output folder
     * @param stripLocation write no GPS position into pictures
     */
    public record Sources(Path inputRoot, boolean stripLocation) {}

    /** @param modelName the model named in the manifest, or null for unscored frames */
    public FrameWriter(ImageEncoder encoder, String modelName, Sources sources) {
        this.encoder = encoder;
        this.modelName = modelName;
        this.sources = sources;
    }

    /** Writes the frame into its video's staging folder and lists it there. */
    @Override
    public void write(SampledFrame frame, Float score, StagedVideo into) throws StageFailure {
        String name = OutputNames.forFrame(
                frame.video(), frame.seconds(), encoder.format().extension());
        FrameTags videoTags = tagsOf(frame);
        EncodedImage image;
        try (Mat bgr = converter.toBgr(frame.frame(), frame.orientation())) {
            image = encoder.encodeNative(bgr, videoTags.at(frame.seconds(), bgr.cols(), bgr.rows()));
        } catch (RuntimeException e) {
            throw StageFailure.ofInput(
                    WRITE,
                    frame.video(),
                    "the frame at " + OutputNames.timestamp(frame.seconds()) + " cannot be encoded: "
                            + StageFailure.describe(e),
                    e);
        }
        try (image) {
            Path written = into.write(name, image::writeTo);
            Recording recording = videoTags.recording();
            CaptureTime captured = recording.frameTime(frame.seconds());
            into.list(
                    frame.ordinal(),
                    OutputNames.inFolderOf(sources.inputRoot(), frame.video(), name),
                    new Manifest.Entry(
                            written,
                            OutputNames.source(sources.inputRoot(), frame.video()),
                            frame.seconds(),
                            frame.frameNumber(),
                            score == null ? null : score.doubleValue(),
                            modelName,
                            captured,
                            recording.startSource()));
        } catch (IOException e) {
            if (OutputFiles.nameTooLong(e)) {
                throw StageFailure.ofInput(
                        WRITE, frame.video(), "its name is too long for the output folder's file system", e);
            }
            throw StageFailure.ofJob(
                    WRITE,
                    frame.video(),
                    "Cannot write to output folder " + into.output().toAbsolutePath() + ": " + StageFailure.describe(e),
                    e);
        }
    }

    private FrameTags tagsOf(SampledFrame frame) {
        if (tags == null || !frame.video().equals(tagsVideo) || frame.recording() != tagsRecording) {
            tags = new FrameTags(recordingOf(frame), Manifest.nameIn(sources.inputRoot(), frame.video()));
            tagsVideo = frame.video();
            tagsRecording = frame.recording();
        }
        return tags;
    }

    private Recording recordingOf(SampledFrame frame) {
        Recording recording = frame.recording() == null ? Recording.UNKNOWN : frame.recording();
        return sources.stripLocation() ? recording.withoutLocation() : recording;
    }

    @Override
    public void close() {
        converter.close();
    }
}
