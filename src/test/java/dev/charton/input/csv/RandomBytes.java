package dev.charton.input.csv;

import java.util.Random;

/**
 * Short random byte runs for the tests of searches that look at eight bytes at a time: mostly one
 * filler byte, so that the first byte that matters falls anywhere in a word, and a random range.
 */
record RandomBytes(byte[] bytes, int from, int to) {
    /** Up to 39 bytes, each one of {@code alphabet} with a chance of one in {@code oneIn}, else {@code filler}. */
    static RandomBytes next(Random random, byte[] alphabet, byte filler, int oneIn) {
        byte[] bytes = new byte[random.nextInt(40)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(oneIn) == 0 ? alphabet[random.nextInt(alphabet.length)] : filler;
        }
        int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        return new RandomBytes(bytes, from, from + random.nextInt(bytes.length - from + 1));
    }
}
