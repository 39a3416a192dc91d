package dev.charton.shell;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.pipeline.OutputFormat;
import dev.charton.python.setup.PythonSetup;

import java.time.Duration;

/**
 * How {@code charton shell} was started.
 *
 * @param input    the file to load first, or null
 * @param renderer the renderer of plots without -r
 * @param format   the format of plots without -o or -f; null: the first one their renderer can write
 * @param timeout  how long one request may take (null: no limit)
 * @param htmlCdn  whether HTML figures load their JavaScript from a CDN (--html-cdn) in every plot
 */
public record ShellSettings(InputSource input, ReadOptions read, PythonSetup python, Duration timeout,
                            String renderer, OutputFormat format, boolean htmlCdn) {
}
