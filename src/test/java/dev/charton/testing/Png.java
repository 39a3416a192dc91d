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

    /**
     * The share of pixels (0 to 1) whose colour differs by more than {@code levels} (0-255) in any
     * channel between two images of the same size.
     */
    public static double differingShare(BufferedImage a, BufferedImage b, int levels) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " and "
                    + b.getWidth() + "x" + b.getHeight());
        }
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 24; shift += 8) {
                    if (Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff)) > levels) {
                        differing++;
                        break;
                    }
                }
            }
        }
        return differing / (double) ((long) a.getWidth() * a.getHeight());
    }
}
