package dev.charton.shell;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which terminals get inline figures, and that the escape sequences carry the PNG intact. */
class InlineImagesTest {
    private static final byte[] PNG = pseudoPng(10_000);

    @Test
    void detectsTheTerminalFromItsEnvironment() {
        assertEquals(InlineImages.KITTY, InlineImages.detect(Map.of("TERM", "xterm-kitty")));
        assertEquals(InlineImages.KITTY, InlineImages.detect(Map.of("KITTY_WINDOW_ID", "1", "TERM", "xterm-256color")));
        assertEquals(InlineImages.KITTY, InlineImages.detect(Map.of("TERM_PROGRAM", "ghostty")));
        assertEquals(InlineImages.ITERM, InlineImages.detect(Map.of("TERM_PROGRAM", "iTerm.app")));
        assertEquals(InlineImages.ITERM, InlineImages.detect(Map.of("LC_TERMINAL", "iTerm2", "TERM", "xterm-256color")));
        assertEquals(InlineImages.ITERM, InlineImages.detect(Map.of("TERM_PROGRAM", "WezTerm")));
        assertEquals(InlineImages.NONE, InlineImages.detect(Map.of("TERM", "xterm-256color")));
        assertEquals(InlineImages.NONE, InlineImages.detect(Map.of()));
    }

    @Test
    void multiplexersShowNothingUnlessTold() {
        assertEquals(InlineImages.NONE, InlineImages.detect(Map.of("KITTY_WINDOW_ID", "1", "TMUX", "/tmp/tmux-0/default,1,0")));
        assertEquals(InlineImages.NONE, InlineImages.detect(Map.of("LC_TERMINAL", "iTerm2", "TERM", "screen-256color")));
        assertEquals(InlineImages.KITTY, InlineImages.detect(Map.of("TMUX", "x", "CHARTON_INLINE_IMAGES", "kitty")));
        assertEquals(InlineImages.NONE, InlineImages.detect(Map.of("TERM", "xterm-kitty", "CHARTON_INLINE_IMAGES", "none")));
    }

    @Test
    void kittyChunksCarryThePngInOrder() {
        String escape = InlineImages.KITTY.escape(PNG);
        Matcher chunk = Pattern.compile("\u001b_G([^;]*);([A-Za-z0-9+/=]*)\u001b\\\\").matcher(escape);
        List<String> controls = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        int end = 0;
        while (chunk.find()) {
            assertEquals(end, chunk.start(), "chunks follow each other");
            controls.add(chunk.group(1));
            assertTrue(chunk.group(2).length() <= 4096);
            data.append(chunk.group(2));
            end = chunk.end();
        }
        assertEquals("\n", escape.substring(end));
        assertTrue(controls.size() > 1, "a 10 kB image takes several chunks");
        assertEquals("a=T,f=100,m=1", controls.get(0));
        assertEquals("m=0", controls.get(controls.size() - 1));
        assertTrue(controls.subList(1, controls.size() - 1).stream().allMatch("m=1"::equals));
        assertArrayEquals(PNG, Base64.getDecoder().decode(data.toString()));
    }

    @Test
    void itermCarriesThePngAndItsSize() {
        String escape = InlineImages.ITERM.escape(PNG);
        Matcher m = Pattern.compile("\u001b\\]1337;File=inline=1;size=(\\d+);preserveAspectRatio=1:([A-Za-z0-9+/=]+)\u0007\n")
                .matcher(escape);
        assertTrue(m.matches(), escape.substring(0, 60));
        assertEquals(PNG.length, Integer.parseInt(m.group(1)));
        assertArrayEquals(PNG, Base64.getDecoder().decode(m.group(2)));
        assertEquals("", InlineImages.NONE.escape(PNG));
    }

    private static byte[] pseudoPng(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
