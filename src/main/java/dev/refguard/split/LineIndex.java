package dev.refguard.split;

import java.util.Arrays;

/**
 * Turns char offsets of a text into 1-based lines and columns. A line ends at {@code \n}, at
 * {@code \r\n}, or at a lone {@code \r}, as PostgreSQL's own lexer and psql count lines. A UTF-8 byte
 * order mark at the very start is not counted: the first character after it is line 1, column 1.
 * Columns count UTF-16 chars (SARIF's default column unit).
 */
public final class LineIndex {
    private final int[] starts;
    private final int length;

    private LineIndex(int[] starts, int length) {
        this.starts = starts;
        this.length = length;
    }

    /** Indexes {@code text} in one pass. */
    public static LineIndex of(CharSequence text) {
        return of(text, true);
    }

    /** Indexes {@code text}; a statement's text is indexed with {@code skipByteOrderMark} off. */
    public static LineIndex of(CharSequence text, boolean skipByteOrderMark) {
        int length = text.length();
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = skipByteOrderMark && length > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(starts, count), length);
    }

    /**
     * The number of lines as an editor shows them: every line terminator ends a line, and the text
     * after the last terminator is a line only when it is not empty. So {@code "a\nb"} and
     * {@code "a\nb\n"} have 2 lines, {@code "\n"} has 1 and the empty text has 0.
     */
    public int lineCount() {
        int last = starts[starts.length - 1];
        return last < length ? starts.length : starts.length - 1;
    }

    /** The number of line starts, including an empty line after a final terminator. */
    public int physicalLines() {
        return starts.length;
    }

    /** The 1-based line that holds {@code offset} (an offset at the end of the text is on the last line). */
    public int lineOf(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found + 1 : Math.max(1, -found - 1);
    }

    /** The 1-based column of {@code offset} on its line. */
    public int columnOf(int offset) {
        return Math.max(1, offset - starts[lineOf(offset) - 1] + 1);
    }

    /** The offset of the first char of 1-based {@code line}. */
    public int lineStart(int line) {
        return starts[line - 1];
    }

    /** The offset just past the last char of 1-based {@code line}, before its terminator. */
    int lineContentEnd(int line, CharSequence text) {
        int end = line < starts.length ? starts[line] : length;
        if (end > starts[line - 1] && line < starts.length) {
            if (text.charAt(end - 1) == '\n') {
                end--;
                if (end > starts[line - 1] && text.charAt(end - 1) == '\r') {
                    end--;
                }
            } else if (text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /** The offset where the line after 1-based {@code line} starts, or the text length after the last line. */
    public int nextLineStart(int line) {
        return line < starts.length ? starts[line] : length;
    }
}
