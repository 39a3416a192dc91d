package dev.charton.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The figure formats charton can ask a renderer for, named as on the command line. */
public enum OutputFormat {
    PNG("png"),
    SVG("svg"),
    PDF("pdf"),
    JPG("jpg"),
    JSON("json"),
    HTML("html");

    private final String name;

    OutputFormat(String name) {
        this.name = name;
    }

    public String optionName() {
        return name;
    }

    public static Optional<OutputFormat> fromName(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("jpeg")) {
            v = "jpg";
        }
        for (OutputFormat f : values()) {
            if (f.name.equals(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static String names() {
        return Arrays.stream(values()).map(OutputFormat::optionName).collect(Collectors.joining(", "));
    }
}
