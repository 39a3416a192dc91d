package dev.charton.cli;

import dev.charton.pipeline.ChartSpec;
import dev.charton.pipeline.RenderRequest;
import dev.charton.python.pool.WorkerPrestart;
import dev.charton.startup.SlowStatics;

import java.util.List;
import java.util.Map;

/**
 * What the arguments of a {@code charton plot} say about its worker, read before picocli parses
 * them so Python can start at once ({@link WorkerPrestart}): the interpreter, the renderer and the
 * memory limit. Any other command, --help and --version, or a size past its maximum, starts nothing.
 */
record PrestartScan(String python, String renderer, String memoryLimit) {
    /** Starts the worker these arguments ask for, if they are a plot command's, and the figure's slow static set-up. */
    static void begin(String[] args) {
        List<String> arguments = List.of(args);
        PrestartScan scan = of(arguments);
        int command = commandIndex(arguments);
        if (scan != null) {
            WorkerPrestart.begin(scan.python(), scan.renderer(), scan.memoryLimit());
            SlowStatics.beginInBackground();
        } else if (command < arguments.size() && arguments.get(command).equals("convert")) {
            SlowStatics.beginArrowInBackground(); // the Arrow stream's schema is needed as soon as the input is open
        }
    }

    static PrestartScan of(List<String> args) {
        int command = commandIndex(args);
        if (command >= args.size() || !args.get(command).equals("plot")) {
            return null;
        }
        String python = null;
        String memoryLimit = null;
        String renderer = RenderRequest.DEFAULT_RENDERER;
        boolean script = false;
        for (int i = command + 1; i < args.size(); i++) {
            String arg = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (arg.equals("--")) {
                break;
            } else if (List.of("-h", "--help", "-V", "--version").contains(arg)) {
                return null;
            } else if (arg.startsWith("-r") && arg.length() > 2 && !arg.startsWith("--")) {
                renderer = arg.substring(2);
            } else if (arg.equals("--script") || arg.startsWith("--script=")) {
                script = true;
            } else if (pastMaximum(arg, next)) {
                return null; // refused once parsed: no Python for a figure that will not be drawn
            } else {
                python = value(arg, next, "--python", python);
                memoryLimit = value(arg, next, "--memory-limit", memoryLimit);
                renderer = value(arg, next, "--renderer", value(arg, next, "-r", renderer));
            }
        }
        return renderer == null ? null : new PrestartScan(python, script ? RenderRequest.SCRIPT_RENDERER : renderer, memoryLimit);
    }

    /** Where the command's name is: the first argument that is not an option (the size of args if none is). */
    private static int commandIndex(List<String> args) {
        int command = 0;
        while (command < args.size() && args.get(command).startsWith("-")) {
            command++;
        }
        return command;
    }

    private static boolean pastMaximum(String arg, String next) {
        for (Map.Entry<String, Integer> maximum : ChartSpec.MAXIMA.entrySet()) {
            String value = value(arg, next, maximum.getKey(), null);
            if (value != null && value.matches("\\d{1,9}") && Integer.parseInt(value) > maximum.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** The value {@code arg} (and {@code next}) give option {@code name}, as NAME VALUE or NAME=VALUE; else {@code before}. */
    private static String value(String arg, String next, String name, String before) {
        if (arg.equals(name)) {
            return next;
        }
        return arg.startsWith(name + "=") ? arg.substring(name.length() + 1) : before;
    }
}
