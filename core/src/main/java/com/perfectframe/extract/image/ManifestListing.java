package com.perfectframe.extract.image;

import static com.perfectframe.extract.stage.StageName.COPY;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.select.ImageSelection.ScoredImage;
import com.perfectframe.extract.stage.StageFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Top images' manifest rows: one per kept image, in the output folder's {@code manifest.csv}. It knows which
 * pictures the manifest lists already, so that a copy a killed job made but could not list is listed by the rerun,
 * and one that is listed is not listed twice.
 */
public final class ManifestListing implements ImagePipeline.Listing {

    private final Path output;
    private final Manifest manifest;
    private final String modelName;
    private final Set<String> listed;

    private ManifestListing(Path output, Manifest manifest, String modelName, Set<String> listed) {
        this.output = output;
        this.manifest = manifest;
        this.modelName = modelName;
        this.listed = listed;
    }

    /**
     * Reads what the output folder's manifest lists.
     *
     * @param modelName the model named in each row
     * @throws ExtractionException when the manifest cannot be read
     */
    public static ManifestListing open(Path output, String modelName) throws ExtractionException {
        Manifest manifest = new Manifest(output);
        try {
            return new ManifestListing(output, manifest, modelName, new HashSet<>(manifest.listedFiles()));
        } catch (IOException e) {
            throw new ExtractionException("Cannot read " + manifest.file().toAbsolutePath() + ": " + e.getMessage());
        }
    }

    @Override
    public void list(Path written, ScoredImage image) throws StageFailure {
        try {
            manifest.append(new Manifest.Entry(written, image.image(), null, null, (double) image.score(), modelName));
            listed.add(written.getFileName().toString());
        } catch (IOException e) {
            throw StageFailure.ofJob(
                    COPY,
                    image.image(),
                    "Cannot write to output folder " + output.toAbsolutePath() + ": " + StageFailure.describe(e),
                    e);
        }
    }

    @Override
    public boolean lists(Path written) {
        return listed.contains(written.getFileName().toString());
    }
}
