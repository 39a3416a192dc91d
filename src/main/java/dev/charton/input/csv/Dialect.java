package dev.charton.input.csv;

/**
 * How the text of one CSV file is cut into rows and fields, as set by options or detected by
 * {@link DialectSniffer}, with the reasons for what was detected (shown by {@code charton schema}).
 *
 * @param delimiter the field separator
 * @param quote     the character that encloses fields holding delimiters or line ends
 * @param escape    the character that makes the next one literal inside quotes; {@code null} when a
 *                  quote inside a quoted field is written twice (RFC 4180)
 * @param comment   lines starting with this character are ignored; {@code null} for none
 * @param trailingComments whether the comment character also ends a row early: {@code 1,2 # note}
 *                  ({@link LooseSyntax} says where)
 * @param spacesAroundQuotes whether quoted fields may have spaces around their quotes
 * ({@code a, "b, c"})
 * @param trailingDelimiter whether every row ends with the delimiter ({@code a,b,}): the empty field
 *                  after it is no column
 * @param skipLines physical lines before the first row (after any {@code --skip-rows})
 * @param header    whether the first row names the columns
 * @param reasons   what was detected and why, in words; empty when everything was set by options
 */
public record Dialect(char delimiter, char quote, Character escape, Character comment, boolean trailingComments,
                      boolean spacesAroundQuotes, boolean trailingDelimiter, int skipLines, boolean header,
                      String reasons) {

    /** The delimiter as options spell it ({@code \t} for a tab). */
    static String spell(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }
}
