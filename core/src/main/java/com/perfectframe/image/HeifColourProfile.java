package com.perfectframe.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ICC profile a HEIF photo's colours are in ({@code colr} of type {@code prof}): iPhones write Display P3, whose
 * reds and greens are more saturated than sRGB's. The decoded pixels are kept in that colour space, as a JPEG's are;
 * the profile goes with them into the picture written (a JPEG's APP2 segments, a PNG's iCCP chunk), so that a viewer
 * shows the colours the camera meant rather than reading them as sRGB.
 */
public final class HeifColourProfile {

    private HeifColourProfile() {}

    /**
     * The profile's bytes; empty when the file is not HEIF or gives its colours another way ({@code nclx}) or not at
     * all.
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<byte[]> read(Path file) throws IOException {
        return HeifStructure.ifHeif(file, (heif, channel) -> heif.iccProfile());
    }
}
