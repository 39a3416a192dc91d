package dev.charton.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decodes PNG output for assertions on real pixels. */
public final class Png {
    private Png() {
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not a decodable image (" + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new AssertionError("cannot decode image: " + e, e);
        }
    }

    public static BufferedImage decode(Path file) {
        try {
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }

    /** How many distinct colours the image uses: a blank canvas has one or two. */
    public static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
