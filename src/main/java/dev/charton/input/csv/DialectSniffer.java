package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Detects the dialect of a CSV file from its first characters, in the manner of DuckDB's sniffer:
 * every combination of the candidate delimiters ({@code , | ; TAB}), quotes ({@code " '}), escapes
 * (a doubled quote, or a backslash when the sample has one) and comment markers ({@code #} when a
 * line starts with one) cuts the sample into records, and the candidate whose records agree best on
 * one field count wins. Every line counts, the first (the header) included.
 *
 * <p>A candidate that splits lines into several fields, with at least half of the records having
 * its common field count, beats one that splits nothing (so a ragged row or a quoted line break
 * does not hand the file to a delimiter that splits nothing). Otherwise a candidate scores its
 * common field count times the records that have it; on a tie, fewer records that disagree, then
 * fewer lines skipped, then cutting trailing comments, win. So splitting lines into more fields consistently wins, and a comment
 * marker wins only when it removes lines that disagree. Lines with fewer fields (free text) before
 * the table are skipped when every record after them has the common count. Remaining ties go to
 * the earlier candidate in the order above; between escapes, one whose quotes balance wins. A quote
 * other than {@code "} is chosen only when it quotes some field and its best candidate, whole,
 * beats the best with {@code "}.
 */
final class DialectSniffer {
    static final int SAMPLE_CHARS = 64 * 1024;
    private static final int MAX_RECORDS = 1000;
    /** Free text lines above a table are a few; more than this and the file is ragged, not prefaced. */
    private static final int MAX_PREAMBLE = 30;
    private static final char[] DELIMITERS = {',', '|', ';', '\t'};
    private static final char[] QUOTES = {'"', '\''};

    private DialectSniffer() {
    }

    /** The dialect of {@code sample} (the first characters; {@code whole} when it is all the text). */
    static Dialect sniff(String sample, boolean whole, CsvOptions options) {
        Candidate best = null;
        for (char quote : choices(options.quote(), QUOTES)) {
            if (best != null && sample.indexOf(quote) < 0) {
                continue; // quotes no field, so it cannot win (quoteBeats): not worth cutting the sample
            }
            Candidate bestForQuote = null;
            boolean absentDelimiterTried = false;
            for (char delimiter : choices(options.delimiter(), DELIMITERS)) {
                if (sample.indexOf(delimiter) < 0) {
                    if (absentDelimiterTried) {
                        continue; // cuts the sample exactly as the absent one before it, which wins the tie
                    }
                    absentDelimiterTried = true;
                }
                for (Character escape : escapes(options, sample, quote)) {
                    for (Character comment : comments(options, sample)) {
                        for (boolean trailing : comment == null ? new boolean[] {false} : new boolean[] {false, true}) {
                            SampleRecords records = SampleRecords.cut(sample, whole, delimiter, quote, escape, comment,
                                    trailing, MAX_RECORDS);
                            Candidate c = new Candidate(delimiter, quote, escape, comment, records);
                            if (bestForQuote == null || c.beats(bestForQuote)) {
                                bestForQuote = c;
                            }
                        }
                    }
                }
            }
            if (best == null || bestForQuote.quoteBeats(best)) {
                best = bestForQuote;
            }
        }
        return best.dialect(options);
    }

    private static char[] choices(Character given, char[] candidates) {
        return given != null ? new char[] {given} : candidates;
    }

    private static List<Character> escapes(CsvOptions options, String sample, char quote) {
        List<Character> escapes = new ArrayList<>();
        if (options.escape() != null) {
            escapes.add(options.escape() == quote ? null : options.escape());
            return escapes;
        }
        escapes.add(null);
        if (sample.indexOf("\\" + quote) >= 0) {
            escapes.add('\\');
        }
        return escapes;
    }

    private static List<Character> comments(CsvOptions options, String sample) {
        List<Character> comments = new ArrayList<>();
        Character given = options.comment();
        comments.add(given == null || given == CsvOptions.NO_COMMENT ? null : given);
        if (given == null && (sample.startsWith("#") || sample.contains("\n#"))) {
            comments.add('#');
        }
        return comments;
    }

    /** One combination and how well its records agree. */
    private static final class Candidate {
        final char delimiter;
        final char quote;
        final Character escape;
        final Character comment;
        final SampleRecords records;
        final int width;
        final int skip;
        final long score;
        final long disagree;

        Candidate(char delimiter, char quote, Character escape, Character comment, SampleRecords records) {
            this.delimiter = delimiter;
            this.quote = quote;
            this.escape = escape;
            this.comment = comment;
            this.records = records;
            this.width = commonWidth(records);
            this.skip = preamble(records, width);
            long agree = 0;
            long disagree = 0;
            for (int r = skip; r < records.size(); r++) {
                if (records.fields.get(r).length == width) {
                    agree++;
                } else {
                    disagree++;
                }
            }
            this.disagree = disagree;
            this.score = agree * width;
        }

        boolean beats(Candidate other) {
            if (delimiter == other.delimiter && records.broken != other.records.broken) {
                return !records.broken; // the escape that makes the quotes balance
            }
            if (width > 1 != other.width > 1) {
                return width > 1 ? mostlyAgree() : !other.mostlyAgree();
            }
            return agreesBetter(other);
        }

        /** A higher score, then fewer records that disagree, then fewer lines skipped. */
        private boolean agreesBetter(Candidate other) {
            if (score != other.score) {
                return score > other.score;
            }
            if (disagree != other.disagree) {
                return disagree < other.disagree;
            }
            return skip != other.skip ? skip < other.skip : records.trailingComments > other.records.trailingComments;
        }

        /** Whether at least half of the records (after any preamble) have the common field count. */
        private boolean mostlyAgree() {
            return 2 * (score / width) >= records.size() - skip;
        }

        /**
         * Whether this candidate's quote should replace {@code other}'s, the preferred one: only when
         * it quotes some field and its rows agree better (an unclosed {@code "} stays an error, not a
         * reason to read the file with another quote).
         */
        boolean quoteBeats(Candidate other) {
            return records.quotedFields > 0 && !records.broken && agreesBetter(other);
        }

        /** The field count most records have (the larger one on a tie). */
        private static int commonWidth(SampleRecords records) {
            Map<Integer, Integer> counts = new HashMap<>();
            int best = 1;
            int bestCount = 0;
            for (String[] r : records.fields) {
                int count = counts.merge(r.length, 1, Integer::sum);
                if (count > bestCount || count == bestCount && r.length > best) {
                    best = r.length;
                    bestCount = count;
                }
            }
            return best;
        }

        /**
         * How many leading records to skip: lines with fewer fields (titles, notes) before the
         * table, when at least two records follow and every one of them has {@code width} fields.
         */
        private static int preamble(SampleRecords records, int width) {
            int first = -1;
            for (int r = 0; r < records.size() && r <= MAX_PREAMBLE && first < 0; r++) {
                int length = records.fields.get(r).length;
                if (length == width) {
                    first = r;
                } else if (length > width) {
                    return 0;
                }
            }
            if (first <= 0 || records.size() - first < 2) {
                return 0;
            }
            for (int r = first; r < records.size(); r++) {
                if (records.fields.get(r).length != width) {
                    return 0;
                }
            }
            return first;
        }

        Dialect dialect(CsvOptions options) {
            List<String[]> rows = records.fields.subList(skip, records.size());
            List<String> reasons = new ArrayList<>();
            if (options.delimiter() == null) {
                reasons.add("delimiter '" + Dialect.spell(delimiter) + "' (" + width
                        + (width == 1 ? " field" : " fields") + " on " + (records.size() - skip) + " of the first "
                        + records.size() + " rows)");
            }
            if (options.quote() == null && quote != '"') {
                reasons.add("quote " + quote);
            }
            if (options.escape() == null && escape != null) {
                reasons.add("escape " + escape + " (quotes inside quoted fields are written " + escape + quote + ")");
            }
            if (options.comment() == null && comment != null) {
                reasons.add("comment lines start with " + comment);
            }
            if (records.trailingComments > 0) {
                reasons.add("rows may end in a comment after " + comment + " (" + records.trailingComments
                        + " in the first rows)");
            }
            // Only when the quotes then balance: prose ("  "License" shall mean") stays text.
            boolean spacesAroundQuotes = records.spacedQuotes > 0 && !records.broken;
            if (spacesAroundQuotes) {
                reasons.add("spaces before opening quotes (" + records.spacedQuotes
                        + (records.spacedQuotes == 1 ? " field" : " fields") + ")");
            }
            boolean trailingDelimiter = endsWithDelimiter();
            if (trailingDelimiter) {
                reasons.add("every row ends with '" + Dialect.spell(delimiter) + "': the empty field after it is no"
                        + " column");
            }
            int skipLines = skip == 0 ? 0 : records.startLines.get(skip);
            if (skipLines > 0) {
                reasons.add("skipped " + skipLines + (skipLines == 1 ? " line" : " lines")
                        + " of text before the table (use --skip-rows to set)");
            }
            boolean header;
            if (options.header() != null) {
                header = options.header();
            } else {
                HeaderSniffer.Verdict verdict = HeaderSniffer.judge(rows, options.nulls());
                header = verdict.header();
                reasons.add(verdict.reason());
            }
            return new Dialect(delimiter, quote, escape, comment, records.trailingComments > 0, spacesAroundQuotes,
                    trailingDelimiter, skipLines, header, String.join("; ", reasons));
        }

        /**
         * Whether every row (after any preamble) has the common width and ends with the delimiter (an
         * unquoted empty last field), and some row has a value before it.
         */
        private boolean endsWithDelimiter() {
            boolean values = false;
            for (int r = skip; r < records.size(); r++) {
                String[] row = records.fields.get(r);
                if (row.length != width || width < 2 || !records.endingInDelimiter.get(r)) {
                    return false;
                }
                for (int f = 0; f < width - 1 && !values; f++) {
                    values = !row[f].isBlank();
                }
            }
            return values;
        }
    }
}
