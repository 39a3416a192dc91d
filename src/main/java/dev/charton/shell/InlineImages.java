package dev.charton.shell;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Showing a PNG figure in the terminal itself, for terminals that can: kitty's graphics protocol
 * (kitty, Ghostty, WezTerm) or iTerm2's inline images (iTerm2, WezTerm). Both are escape sequences
 * carrying the PNG file in base64. Sixel is not offered: it needs the image re-encoded as a
 * palette bitmap. Inside tmux or screen nothing is shown (they do not pass the sequences on), and
 * CHARTON_INLINE_IMAGES=kitty|iterm|none overrides the detection.
 */
enum InlineImages {
    KITTY, ITERM, NONE;

    static final String VARIABLE = "CHARTON_INLINE_IMAGES";
    private static final int KITTY_CHUNK = 4096;
    private static final String ESC = "\u001b";

    static InlineImages detect(Map<String, String> env) {
        String forced = env.getOrDefault(VARIABLE, "").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "kitty": return KITTY;
            case "iterm": return ITERM;
            case "none": return NONE;
            default: break;
        }
        String term = env.getOrDefault("TERM", "");
        String program = env.getOrDefault("TERM_PROGRAM", "");
        if (env.containsKey("TMUX") || term.startsWith("screen") || term.startsWith("tmux") || "tmux".equals(program)) {
            return NONE;
        }
        if (env.containsKey("KITTY_WINDOW_ID") || "xterm-kitty".equals(term) || "ghostty".equalsIgnoreCase(program)
                || "xterm-ghostty".equals(term)) {
            return KITTY;
        }
        if ("iTerm.app".equals(program) || "iTerm2".equals(env.get("LC_TERMINAL")) || "WezTerm".equals(program)) {
            return ITERM;
        }
        return NONE;
    }

    /** The escape sequence that shows {@code png}, followed by a new line; empty when none can. */
    String escape(byte[] png) {
        String data = Base64.getEncoder().encodeToString(png);
        switch (this) {
            case KITTY: {
                // Transmit and display (a=T) a PNG (f=100), in chunks of at most 4096 base64 bytes.
                StringBuilder out = new StringBuilder();
                for (int start = 0; start < data.length(); start += KITTY_CHUNK) {
                    int end = Math.min(data.length(), start + KITTY_CHUNK);
                    String more = end < data.length() ? "1" : "0";
                    out.append(ESC).append("_G").append(start == 0 ? "a=T,f=100,m=" : "m=").append(more).append(';')
                            .append(data, start, end).append(ESC).append('\\');
                }
                return out.append('\n').toString();
            }
            case ITERM:
                return ESC + "]1337;File=inline=1;size=" + png.length + ";preserveAspectRatio=1:" + data + "\u0007\n";
            default:
                return "";
        }
    }
}
