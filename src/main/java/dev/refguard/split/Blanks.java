package dev.refguard.split;

/**
 * White space in SQL text as the regular expression {@code \s} sees it (space, tab, line feed, vertical tab, form
 * feed, carriage return), squeezed or dropped in one pass: these run for every column and guard, where a regular
 * expression compiled per call cost more than the rest of the work.
 */
public final class Blanks {
    private Blanks() {}

    /** Whether {@code c} is white space for {@code \s}. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code text} with each run of white space made one space: {@code text.replaceAll("\\s+", " ")}. */
    public static String squeeze(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    /** {@code text} without white space: {@code text.replaceAll("\\s+", "")}. */
    public static String remove(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBlank(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
