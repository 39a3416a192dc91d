package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The records of a text sample as one candidate dialect cuts them, with the physical line each
 * starts on. Blank lines and comment lines are left out, as the reader leaves them out, and, when
 * the candidate has them, trailing comments are cut as {@link LooseSyntax} cuts them. A space
 * before an opening quote is allowed; a candidate whose quotes do not balance is marked broken.
 */
final class SampleRecords {
    final List<String[]> fields = new ArrayList<>();
    final List<Integer> startLines = new ArrayList<>();
    boolean broken;
    /** How many fields were quoted. */
    int quotedFields;
    /** How many quoted fields had spaces before their opening quote. */
    int spacedQuotes;
    /** The records whose last field is empty and unquoted: their line ends with the delimiter. */
    final BitSet endingInDelimiter = new BitSet();
    /** How many rows lost a trailing comment. */
    int trailingComments;

    static SampleRecords cut(String sample, boolean whole, char delimiter, char quote, Character escape,
                             Character comment, boolean trailingComments, int maxRecords) {
        SampleRecords out = new SampleRecords();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean lineStart = true;
        int line = 0;
        int recordLine = 0;
        int n = sample.length();
        for (int i = 0; i < n && out.fields.size() < maxRecords; i++) {
            char c = sample.charAt(i);
            if (quoted) {
                if (escape != null && c == escape && i + 1 < n) {
                    field.append(sample.charAt(++i));
                } else if (c == quote && i + 1 < n && sample.charAt(i + 1) == quote) {
                    field.append(quote);
                    i++;
                } else if (c == quote) {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (lineStart) {
                recordLine = line;
                lineStart = false;
                if (comment != null && c == comment) {
                    int end = sample.indexOf('\n', i);
                    i = end < 0 ? n : end;
                    line++;
                    lineStart = true;
                    continue;
                }
            }
            if (trailingComments && c == comment && (wasQuoted || !field.toString().isBlank())) {
                int end = LooseSyntax.commentEnd(sample, i);
                if (end >= 0) {
                    out.trailingComments++;
                    i = end - 1;
                    continue;
                }
            }
            if (c == quote && field.toString().isBlank() && !wasQuoted) {
                out.spacedQuotes += field.isEmpty() ? 0 : 1;
                quoted = true;
                wasQuoted = true;
                out.quotedFields++;
                field.setLength(0);
            } else if (c == delimiter) {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && sample.charAt(i + 1) == '\n') {
                    i++;
                }
                out.end(record, field, wasQuoted, recordLine);
                record = new ArrayList<>();
                wasQuoted = false;
                line++;
                lineStart = true;
            } else {
                if (wasQuoted && c != ' ') {
                    out.broken = true;
                }
                field.append(c);
            }
        }
        if (quoted && whole) {
            out.broken = true; // never closed: the record still counts, so the reader reports the quote
        }
        if (whole && (!lineStart || quoted) && out.fields.size() < maxRecords) {
            out.end(record, field, wasQuoted, recordLine);
        }
        return out;
    }

    private void end(List<String> record, StringBuilder field, boolean wasQuoted, int line) {
        if (record.isEmpty() && field.length() == 0 && !wasQuoted) {
            return; // a blank line
        }
        endingInDelimiter.set(fields.size(), !record.isEmpty() && field.length() == 0 && !wasQuoted);
        record.add(field.toString());
        field.setLength(0);
        fields.add(record.toArray(new String[0]));
        startLines.add(line);
    }

    int size() {
        return fields.size();
    }
}
