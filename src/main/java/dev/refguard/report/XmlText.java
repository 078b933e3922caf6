package dev.refguard.report;

import java.util.Locale;

/**
 * How refguard writes XML (checkstyle, JUnit, the DOT file's HTML-like labels): by hand, so attribute order,
 * indentation and line endings never depend on the JDK's serializer. Every text goes through here, because
 * the names in it are the user's: a quoted SQL identifier may hold {@code <}, {@code &}, quotes, or
 * characters XML 1.0 cannot carry at all.
 */
final class XmlText {
    /** The declaration every file starts with. */
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private XmlText() {}

    /**
     * An attribute value (without the quotes), on one line: line breaks become spaces (as everywhere a
     * message is shown on one line), markup characters and both quotes become entities, and tabs a
     * character reference, which attribute-value normalisation would otherwise turn into a space.
     */
    static String attribute(String text) {
        return escape(ReportText.oneLine(text), true);
    }

    /**
     * Element content, which keeps its line breaks ({@code \n}); trailing blanks are dropped from each line
     * and trailing blank lines from the end, as in every other report of a hint.
     */
    static String text(String text) {
        return escape(String.join("\n", ReportText.lines(text)), false);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        // XML 1.0 has no way at all to carry these, not even as character references
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    /** The characters of XML 1.0's {@code Char} production, less surrogates (handled as pairs above). */
    private static boolean allowed(char c) {
        return c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
