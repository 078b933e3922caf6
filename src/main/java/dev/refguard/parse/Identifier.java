package dev.refguard.parse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An SQL identifier as written, and the name PostgreSQL makes of it.
 *
 * @param text the identifier without its quotes, doubled quotes collapsed ({@code "a""b"} gives {@code a"b})
 * @param quoted whether it was written in double quotes
 */
public record Identifier(String text, boolean quoted) {
    /** PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes. */
    public static final int MAX_BYTES = 63;

    public Identifier {
        Objects.requireNonNull(text, "text");
    }

    /** An unquoted identifier. */
    public static Identifier of(String text) {
        return new Identifier(text, false);
    }

    /** A quoted identifier. */
    public static Identifier quoted(String text) {
        return new Identifier(text, true);
    }

    /**
     * The name PostgreSQL stores: unquoted identifiers fold to lower case, quoted ones are kept exactly,
     * and both are truncated to 63 bytes.
     */
    public String folded() {
        String name = quoted ? text : downcase(text);
        return truncate(name);
    }

    /**
     * PostgreSQL's {@code downcase_identifier}: only ASCII {@code A-Z} fold; in a UTF-8 database other letters
     * ({@code Ä}) are kept as written.
     */
    static String downcase(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return out == null ? text : out.toString();
    }

    /** The identifier as it was written, quotes included. */
    public String written() {
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The SQL that names {@code name} exactly: quoted only when folding would change it. */
    public static String sql(String name) {
        boolean plain = !name.isEmpty()
                && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_')
                && name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$');
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    static String truncate(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return name;
        }
        // cut at a character boundary, as PostgreSQL's pg_mbcliplen does
        int end = MAX_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return written();
    }
}
