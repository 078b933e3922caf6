package dev.refguard.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines and columns of a text, computed here independently of the production {@code LineIndex}, by
 * the rule the splitter documents: {@code \n}, {@code \r\n} and a lone {@code \r} each end a line;
 * a UTF-8 byte order mark at the very start (when {@code skipBom}) is not counted, so the char after
 * it is line 1, column 1; columns count UTF-16 chars.
 */
final class TextLines {
    private final String text;
    private final int[] starts;

    private TextLines(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    static TextLines of(String text, boolean skipBom) {
        List<Integer> starts = new ArrayList<>();
        starts.add(skipBom && text.startsWith("\uFEFF") ? 1 : 0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // the \n of this \r\n ends the line
            }
            if (c == '\n' || c == '\r') {
                starts.add(i + 1);
            }
        }
        return new TextLines(text, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Line starts, including the empty line after a final terminator: terminators + 1. */
    int physicalLines() {
        return starts.length;
    }

    /** The 1-based line of {@code offset}: the last line that starts at or before it. */
    int lineOf(int offset) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    int columnOf(int offset) {
        return offset - starts[lineOf(offset) - 1] + 1;
    }

    /** The offset of a 1-based line and column. */
    int offsetOf(int line, int column) {
        return starts[line - 1] + column - 1;
    }

    /** The length of 1-based {@code line} without its terminator. */
    int lengthOf(int line) {
        int start = starts[line - 1];
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end - start;
    }

    /** The number of line terminators in {@code s} (a {@code \r\n} counts once). */
    static int terminators(String s) {
        return of(s, false).physicalLines() - 1;
    }
}
