package com.perfectframe.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small, distinct test photos (seeded shapes and colours), written as JPEG or PNG by their extension. */
public final class TestImages {

    private TestImages() {}

    public static Path write(Path file, int seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(96 + seed * 8, 64 + seed * 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(
                    random.nextInt(image.getWidth()),
                    random.nextInt(image.getHeight()),
                    10 + random.nextInt(40),
                    10 + random.nextInt(40));
        }
        g.dispose();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".png") ? "png" : "jpg";
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }
}
