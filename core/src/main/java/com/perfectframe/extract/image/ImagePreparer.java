package com.perfectframe.extract.image;

import static com.perfectframe.extract.stage.StageName.PREPARE;
import static com.perfectframe.extract.stage.StageName.READ;

import com.perfectframe.extract.stage.FrameBudget;
import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.PreparedPicture;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.image.DecodedImage;
import com.perfectframe.image.ImageReader;
import com.perfectframe.image.MemoryGate;
import com.perfectframe.score.PicturePreparer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The read and prepare steps of one image: decode the file (by content, not extension), then the model's own
 * preparation; the decoded picture is released before the next image is read. One per preparing thread.
 *
 * <p>A large JPEG is decoded at a reduced scale that keeps each side at least twice the model's input side (the
 * side comes from the model's preparer), and every decoded picture holds a share of the job's {@link FrameBudget}
 * while it exists, so the preparing threads together hold a bounded number of large pictures.
 */
public final class ImagePreparer implements PrepareStep<Path> {

    /** What a photo cut short is called in the summary and the job status. */
    public static final String TRUNCATED = "truncated: scored on the part that could be decoded";

    private final PicturePreparer preparer;
    private final MemoryGate gate;
    private final long maxPixels;

    /** @param maxPixels largest picture decoded; a larger one is this image's read failure, before decoding */
    public ImagePreparer(PicturePreparer preparer, MemoryGate gate, long maxPixels) {
        this.preparer = preparer;
        this.gate = gate;
        this.maxPixels = maxPixels;
    }

    /** A gate that holds a share of {@code budget} for each decoded picture. */
    public static MemoryGate gateOf(FrameBudget budget) {
        return bytes -> {
            int share = budget.acquire(bytes);
            return () -> budget.release(share);
        };
    }

    @Override
    public PreparedPicture prepare(Path image, Consumer<String> notes) throws StageFailure, InterruptedException {
        DecodedImage picture;
        try {
            picture = ImageReader.read(image, 2 * preparer.inputSide(), gate, maxPixels);
        } catch (IOException e) {
            throw StageFailure.ofInput(READ, image, StageFailure.describe(e), e);
        }
        try (picture) {
            float[] input = preparer.prepare(picture.bgr());
            if (picture.truncated()) {
                notes.accept(TRUNCATED);
            }
            return new PreparedPicture(input, null);
        } catch (RuntimeException e) {
            throw StageFailure.unexpected(PREPARE, image, e);
        }
    }
}
