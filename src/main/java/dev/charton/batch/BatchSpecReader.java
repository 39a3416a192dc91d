package dev.charton.batch;

import dev.charton.error.ChartonException;
import dev.charton.error.Suggestion;
import dev.charton.error.ExitCode;
import dev.charton.input.InputSource;
import dev.charton.pipeline.FigureJob;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a batch spec: a mapping of {@code datasets} (name: path, or name: path and read
 * options), {@code charts} (name: dataset and plot options, output included), optional
 * {@code defaults} (plot options every chart starts from) and an optional {@code title}. Every
 * unknown key, missing dataset and bad option is reported, with its line, before anything runs.
 * Paths are relative to the spec's directory; one dataset may be {@code -}, standard input.
 */
public final class BatchSpecReader {
    private static final List<String> SECTIONS = List.of("title", "datasets", "defaults", "charts");
    private static final String PATH_KEY = "path";
    private static final String SQL_KEY = "sql";
    private static final String DATASET_KEY = "dataset";
    private static final String STDIN = "-";

    private final EntryOptions<FigureJob> chartOptions;
    private final EntryOptions<DatasetRead> readOptions;
    private final List<String> chartBaseArguments;

    /**
     * @param charts             how {@code charton plot} parses a chart's options
     * @param datasets           how the read options of a dataset are parsed
     * @param chartBaseArguments plot options from the batch's own command line, which charts may override
     */
    public BatchSpecReader(OptionModel<FigureJob> charts, OptionModel<DatasetRead> datasets, List<String> chartBaseArguments) {
        this.chartOptions = new EntryOptions<>(charts);
        this.readOptions = new EntryOptions<>(datasets);
        this.chartBaseArguments = List.copyOf(chartBaseArguments);
    }

    public BatchSpec read(Path file) {
        Node root = SpecDocument.load(file);
        if (!(root instanceof MappingNode top)) {
            throw new ChartonException(ExitCode.USAGE, file + ":" + SpecNodes.line(root) + ": a spec is a mapping of "
                    + String.join(", ", SECTIONS) + ", not " + SpecNodes.describe(root));
        }
        SpecProblems problems = new SpecProblems(file.toString());
        Path base = file.toAbsolutePath().normalize().getParent();
        Map<String, SpecNodes.Entry> sections = SpecNodes.entries(top, problems);
        sections.values().stream().filter(s -> !SECTIONS.contains(s.name())).forEach(s ->
                problems.add(s.key(), unknownKey("", s.name(), SECTIONS)));
        String title = sections.containsKey("title") ? scalar(sections.get("title"), "title", problems) : null;
        Map<String, SpecNodes.Entry> declared = section(sections, "datasets", root, problems);
        Map<String, BatchDataset> datasets = datasets(declared, base, problems);
        Collection<SpecNodes.Entry> defaults = defaults(section(sections, "defaults", null, problems), problems);
        List<Chart> charts = charts(section(sections, "charts", root, problems), defaults, datasets, declared.keySet(),
                base, problems);
        problems.throwIfAny();
        return new BatchSpec(file, title, List.copyOf(datasets.values()), charts);
    }

    /** A section's entries; a missing section is a problem when {@code required} names where. */
    private static Map<String, SpecNodes.Entry> section(Map<String, SpecNodes.Entry> sections, String name, Node required,
                                                        SpecProblems problems) {
        SpecNodes.Entry section = sections.get(name);
        if (section == null) {
            if (required != null) {
                problems.add(required, "no '" + name + "' in the spec");
            }
            return Map.of();
        }
        if (!(section.value() instanceof MappingNode mapping)) {
            problems.add(section.value(), "'" + name + "' is a mapping of names, not " + SpecNodes.describe(section.value()));
            return Map.of();
        }
        Map<String, SpecNodes.Entry> entries = SpecNodes.entries(mapping, problems);
        if (entries.isEmpty() && required != null) {
            problems.add(section.value(), "'" + name + "' is empty");
        }
        return entries;
    }

    private Map<String, BatchDataset> datasets(Map<String, SpecNodes.Entry> entries, Path base, SpecProblems problems) {
        Map<String, BatchDataset> datasets = new LinkedHashMap<>();
        String stdinTakenBy = "";
        for (SpecNodes.Entry entry : entries.values()) {
            String what = "dataset '" + entry.name() + "'";
            Node pathNode = entry.value();
            List<SpecNodes.Entry> keys = new ArrayList<>();
            if (entry.value() instanceof MappingNode mapping) {
                Map<String, SpecNodes.Entry> all = SpecNodes.entries(mapping, problems);
                SpecNodes.Entry path = all.remove(PATH_KEY);
                boolean query = all.containsKey(SQL_KEY);
                if (path == null && !query) {
                    problems.add(entry.value(), what + ": no 'path' (a file) or 'sql' (a query)");
                    continue;
                }
                if (path != null && query) {
                    problems.add(path.key(), what + ": 'path' or 'sql', not both");
                    continue;
                }
                pathNode = path == null ? null : path.value();
                for (SpecNodes.Entry key : all.values()) {
                    if (readOptions.keys().contains(key.name())) {
                        keys.add(key);
                    } else {
                        problems.add(key.key(), unknownKey(what + ": ", key.name(), withPath(readOptions.keys())));
                    }
                }
            }
            String path = pathNode == null ? null : SpecNodes.text(pathNode);
            if (pathNode != null && path == null) {
                problems.add(pathNode, what + ": the path is a file name, not " + SpecNodes.describe(pathNode));
                continue;
            }
            if (STDIN.equals(path) && !stdinTakenBy.isEmpty()) {
                problems.add(pathNode, what + ": standard input is already dataset '" + stdinTakenBy + "'");
                continue;
            }
            String file = path != null && InputSource.isPath(path) ? base.resolve(path).normalize().toString() : path;
            stdinTakenBy = STDIN.equals(path) ? entry.name() : stdinTakenBy;
            EntryOptions.Parsed<DatasetRead> read = readOptions.parse(what, entry.value(), keys,
                    List.of("--spec-directory=" + base), file, base, problems);
            if (read == null) {
                continue;
            }
            try {
                read.value().table().checkReadable();
            } catch (ChartonException e) {
                problems.add(pathNode == null ? entry.value() : pathNode, e.exitCode(), what + ": " + e.getMessage());
                continue;
            }
            datasets.put(entry.name(), new BatchDataset(entry.name(), SpecNodes.line(entry.key()), read.value(), read.arguments()));
        }
        return datasets;
    }

    /** The defaults' keys, each checked once here rather than for every chart. */
    private Collection<SpecNodes.Entry> defaults(Map<String, SpecNodes.Entry> entries, SpecProblems problems) {
        return entries.values().stream().filter(key -> knownChartKey("defaults: ", key, problems)).toList();
    }

    private List<Chart> charts(Map<String, SpecNodes.Entry> entries, Collection<SpecNodes.Entry> defaults,
                               Map<String, BatchDataset> datasets, Set<String> declared, Path base, SpecProblems problems) {
        List<Chart> charts = new ArrayList<>();
        Map<Path, String> outputs = new HashMap<>();
        for (SpecNodes.Entry entry : entries.values()) {
            String what = "chart '" + entry.name() + "'";
            if (!(entry.value() instanceof MappingNode mapping)) {
                problems.add(entry.value(), what + ": a mapping of plot options, not " + SpecNodes.describe(entry.value()));
                continue;
            }
            Map<String, SpecNodes.Entry> keys = new LinkedHashMap<>();
            defaults.forEach(key -> keys.put(key.name(), key));
            SpecNodes.entries(mapping, problems).values().stream()
                    .filter(key -> knownChartKey(what + ": ", key, problems))
                    .forEach(key -> keys.put(key.name(), key));
            BatchDataset dataset = dataset(what, entry, keys.remove(DATASET_KEY), datasets, declared, problems);
            String input = dataset == null ? STDIN : dataset.read().argument();
            EntryOptions.Parsed<FigureJob> plot = chartOptions.parse(what, entry.value(), keys.values(), chartBaseArguments,
                    input, base, problems);
            if (plot == null || dataset == null) {
                continue;
            }
            Chart chart = new Chart(entry.name(), SpecNodes.line(entry.key()), dataset, plot.value());
            Node outputNode = keys.containsKey("output") ? keys.get("output").value() : entry.value();
            if (plot.value().output().isStdout()) {
                problems.add(outputNode, what + ": output must be a file; a batch cannot write figures to standard output");
                continue;
            }
            String earlier = outputs.putIfAbsent(chart.output(), entry.name());
            if (earlier != null) {
                problems.add(outputNode, what + ": chart '" + earlier + "' writes " + chart.output() + " too");
                continue;
            }
            charts.add(chart);
        }
        return charts;
    }

    /** The chart's dataset; null, with a problem unless its own entry already has one, when there is none. */
    private static BatchDataset dataset(String what, SpecNodes.Entry chart, SpecNodes.Entry key, Map<String, BatchDataset> datasets,
                                   Set<String> declared, SpecProblems problems) {
        if (key == null) {
            if (declared.size() == 1) {
                return datasets.get(declared.iterator().next());
            }
            problems.add(chart.value(), what + ": no 'dataset' (one of: " + String.join(", ", declared) + ")");
            return null;
        }
        String name = SpecNodes.text(key.value());
        if (name == null || !declared.contains(name)) {
            problems.add(key.value(), what + ": no dataset " + (name == null ? SpecNodes.describe(key.value()) : "'" + name + "'")
                    + " in 'datasets' (defined: " + String.join(", ", declared) + ")");
            return null;
        }
        return datasets.get(name);
    }

    private boolean knownChartKey(String what, SpecNodes.Entry key, SpecProblems problems) {
        if (readOptions.keys().contains(key.name())) {
            // Plot has them too, but a dataset is read once for all its charts.
            problems.add(key.key(), what + "'" + key.name() + "' says how to read the data: set it on the dataset");
            return false;
        }
        if (key.name().equals(DATASET_KEY) || chartOptions.keys().contains(key.name())) {
            return true;
        }
        problems.add(key.key(), unknownKey(what, key.name(), chartKeys()));
        return false;
    }

    /** What a chart may say: plot's options less those that read the data, and its dataset. */
    private List<String> chartKeys() {
        List<String> keys = new ArrayList<>(chartOptions.keys());
        keys.removeAll(readOptions.keys());
        keys.add(DATASET_KEY);
        return keys;
    }

    private static String scalar(SpecNodes.Entry entry, String name, SpecProblems problems) {
        String text = SpecNodes.text(entry.value());
        if (text == null) {
            problems.add(entry.value(), "'" + name + "' is text, not " + SpecNodes.describe(entry.value()));
        }
        return text;
    }

    private static List<String> withPath(Set<String> keys) {
        List<String> all = new ArrayList<>(List.of(PATH_KEY));
        all.addAll(keys);
        return all;
    }

    private static String unknownKey(String what, String key, Collection<String> known) {
        return what + "unknown key '" + key + "'" + Suggestion.closest(key, known).map(s -> " (did you mean '" + s + "'?)")
                .orElse(" (expected one of: " + String.join(", ", known) + ")");
    }
}
