package dev.refguard.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code up} part of a dbmate or goose migration file: every line the tool does not run on the way up (its
 * {@code down} section, and whatever stands before the first {@code up} marker) is emptied, its line break kept,
 * so the lines left keep their numbers (the README's layout table).
 */
final class UpSections {
    /** dbmate's markers: {@code -- migrate:up} and {@code -- migrate:down} at the start of a line, options after. */
    private static final Pattern DBMATE_UP = Pattern.compile("--\\s*migrate:up(\\s.*)?");

    private static final Pattern DBMATE_DOWN = Pattern.compile("--\\s*migrate:down(\\s.*)?");

    /**
     * goose's annotations: {@code -- +goose up} and {@code -- +goose down} on a line of their own, with no blank
     * before them, in any case.
     */
    private static final Pattern GOOSE = Pattern.compile("--\\s\\+goose\\s+(up|down)\\s*", Pattern.CASE_INSENSITIVE);

    private UpSections() {}

    /** The text with only the lines of {@code -- migrate:up} sections kept. */
    static String dbmate(String text) {
        return keep(text, line -> {
            if (DBMATE_UP.matcher(line).matches()) {
                return Marker.UP;
            }
            return DBMATE_DOWN.matcher(line).matches() ? Marker.DOWN : Marker.NONE;
        });
    }

    /** The text with only the lines of the {@code -- +goose Up} section kept. */
    static String goose(String text) {
        return keep(text, line -> {
            var m = GOOSE.matcher(line);
            if (!m.matches()) {
                return Marker.NONE;
            }
            return m.group(1).toLowerCase(Locale.ROOT).equals("up") ? Marker.UP : Marker.DOWN;
        });
    }

    /** Whether {@code text} has a dbmate {@code up} marker. */
    static boolean hasDbmateMarker(String text) {
        return anyLine(text, line -> DBMATE_UP.matcher(line).matches());
    }

    /** Whether {@code text} has a goose {@code up} annotation. */
    static boolean hasGooseMarker(String text) {
        return anyLine(text, line -> {
            var m = GOOSE.matcher(line);
            return m.matches() && m.group(1).equalsIgnoreCase("up");
        });
    }

    private enum Marker {
        UP,
        DOWN,
        NONE
    }

    private interface Classifier {
        Marker of(String line);
    }

    private interface LineTest {
        boolean test(String line);
    }

    private static boolean anyLine(String text, LineTest test) {
        int start = 0;
        while (start <= text.length()) {
            int end = lineEnd(text, start);
            if (test.test(text.substring(start, end))) {
                return true;
            }
            start = nextLineStart(text, end);
            if (start < 0) {
                break;
            }
        }
        return false;
    }

    /** Keeps the lines from an up marker to the next down marker; the marker lines are comments, kept too. */
    private static String keep(String text, Classifier classifier) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inUp = false;
        int start = 0;
        while (start <= text.length()) {
            int end = lineEnd(text, start);
            String line = text.substring(start, end);
            Marker marker = classifier.of(line);
            if (marker == Marker.UP) {
                inUp = true;
            } else if (marker == Marker.DOWN) {
                inUp = false;
            }
            if (inUp || marker != Marker.NONE) {
                out.append(line);
            }
            int next = nextLineStart(text, end);
            if (next < 0) {
                break;
            }
            out.append(text, end, next);
            start = next;
        }
        return out.toString();
    }

    /** The offset of the line break that ends the line starting at {@code start}, or the text's length. */
    private static int lineEnd(String text, int start) {
        int k = start;
        while (k < text.length() && text.charAt(k) != '\n' && text.charAt(k) != '\r') {
            k++;
        }
        return k;
    }

    /** Where the next line starts after the break at {@code end}, or -1 at the end of the text. */
    private static int nextLineStart(String text, int end) {
        if (end >= text.length()) {
            return -1;
        }
        if (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
            return end + 2;
        }
        return end + 1;
    }
}
