package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.charton.cli.RenderersIT.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code --script}: the user's own Python makes the figure; its errors name its file and line. */
class ScriptsIT {
    @TempDir
    Path tmp;

    @Test
    void aScriptSeesTheDataAndItsParams() throws IOException {
        Path script = write("smooth.py", """
                import matplotlib.pyplot as plt

                window = int(params["window"])
                fig, ax = plt.subplots()
                ax.plot(df["date"], df["temp_max"].rolling(window).mean())
                ax.set_title(f"{window}-day mean of {table.num_rows} days")
                """);
        Path out = tmp.resolve("smooth.png");
        Charton.Result r = run("--script", script.toString(), "--param", "window=7", "--width", "640", "--height", "400",
                "-o", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(640, Png.decode(out).getWidth());
        assertEquals(400, Png.decode(out).getHeight());
    }

    @Test
    void aScriptMayReturnAPlotlyFigureFromRender() throws IOException {
        Path script = write("interactive.py", """
                import plotly.express as px

                def render(df, params):
                    return px.scatter(df, x="temp_min", y="temp_max", color="weather")
                """);
        Path out = tmp.resolve("interactive.json");
        Charton.Result r = run("--script", script.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(5, Figures.json(Figures.bytes(out)).path("data").size(), "one trace per weather");
    }

    @Test
    void anErrorInTheScriptIsOneLineWithItsFileAndLine() throws IOException {
        Path script = write("plot.py", """
                import pandas as pd

                means = df.groupby("weather")["temperature"].mean()
                """);
        Path out = tmp.resolve("never.png");
        Charton.Result r = run("--script", script.toString(), "-o", out.toString());
        assertEquals(70, r.exitCode(), r::toString);
        assertOneLine(r, "plot.py:3: KeyError: ");
        assertFalse(Files.exists(out));
    }

    @Test
    void aSyntaxErrorNamesItsLineToo() throws IOException {
        Path script = write("plot.py", "x = 1\nif x\n    y = 2\n");
        Charton.Result r = run("--script", script.toString(), "-o", tmp.resolve("never.png").toString());
        assertEquals(70, r.exitCode(), r::toString);
        assertOneLine(r, "plot.py:2: SyntaxError: expected ':'");
    }

    @Test
    void aScriptThatMakesNoFigureSaysHow() throws IOException {
        Path script = write("empty.py", "total = df['wind'].sum()\n");
        Charton.Result r = run("--script", script.toString(), "-o", tmp.resolve("never.png").toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertOneLine(r, "made no figure: assign it to fig or chart, return it from render(), or draw it with matplotlib");
    }

    @Test
    void scriptMistakesOnTheCommandLine() throws IOException {
        Charton.Result r = run("--script", tmp.resolve("missing.py").toString(), "-o", tmp.resolve("x.png").toString());
        assertEquals(66, r.exitCode(), r::toString);
        assertOneLine(r, "missing.py: no such script");
        Path script = write("plot.py", "fig = None\n");
        r = run("--script", script.toString(), "--renderer", "seaborn", "-o", tmp.resolve("x.png").toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals("charton: --script makes the figure itself; it cannot be combined with --renderer",
                r.stderr().lines().findFirst().orElse(""));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static Charton.Result run(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "plot";
        args[1] = Repo.example("weather.csv").toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return Charton.run(args).go();
    }
}
