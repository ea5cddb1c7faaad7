package com.perfectframe.web;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An allowed root with an output folder of three pictures and their manifest, plus the bait a traversal would want:
 * a secret file beside the output folder and one outside the root, a symbolic link to it among the pictures (listed in
 * the manifest), a manifest row naming {@code ../secret.jpg}, and a linked folder leading out of the root.
 */
final class GalleryFixture {

    static final String SECRET = "SECRET-CONTENT-DO-NOT-SERVE";

    final Path root;
    final Path output;
    final Path outside;

    GalleryFixture(Path base) throws IOException {
        root = Files.createDirectories(base.resolve("root"));
        outside = Files.createDirectories(base.resolve("outside"));
        output = Files.createDirectories(root.resolve("out"));
        Manifest manifest = new Manifest(output);
        Path video = root.resolve("clip.mp4");
        double[] scores = {5.5, 7.25, 3.125};
        for (int i = 0; i < 3; i++) {
            Path picture = TestImages.write(output.resolve("clip_00-00-0" + (i * 5) + ".000.jpg"), i + 1);
            manifest.append(new Manifest.Entry(picture, video, i * 5.0, i * 125L, scores[i], "synthetic"));
        }
        Files.writeString(root.resolve("secret.jpg"), SECRET);
        Files.writeString(outside.resolve("secret.jpg"), SECRET);
        Files.writeString(
                outside.resolve(Manifest.FILE_NAME),
                "file,source,timestamp,frame_number,score,model\n" + "secret.jpg,x.mp4,00-00-01.000,1,9.0,synthetic\n");
        Files.createSymbolicLink(output.resolve("link.jpg"), outside.resolve("secret.jpg"));
        Files.createSymbolicLink(root.resolve("linked-out"), outside);
        Files.writeString(
                output.resolve(Manifest.FILE_NAME),
                "link.jpg,clip.mp4,00-00-20.000,500,9.5,synthetic\n"
                        + "../secret.jpg,clip.mp4,00-00-21.000,525,9.6,synthetic\n"
                        + "\"" + outside.resolve("secret.jpg") + "\",clip.mp4,00-00-22.000,550,9.7,synthetic\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    String picture(int i) {
        return "clip_00-00-0" + (i * 5) + ".000.jpg";
    }
}
