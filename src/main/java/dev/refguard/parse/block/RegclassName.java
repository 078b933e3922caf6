package dev.refguard.parse.block;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a {@code 'schema.name'::regclass} or {@code to_regclass('name')} literal as PostgreSQL
 * reads it: dot-separated, unquoted parts folded to lower case, double-quoted parts kept.
 */
public final class RegclassName {
    private RegclassName() {}

    /** {@code {schema or null, name}}, or {@code null} when the text is not a one- or two-part name. */
    public static String[] parse(String literal) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String s = literal.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(wasQuoted ? part.toString() : fold(part.toString()));
                part.setLength(0);
                wasQuoted = false;
            } else if (Character.isWhitespace(c)) {
                return null;
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        parts.add(wasQuoted ? part.toString() : fold(part.toString()));
        if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        return parts.size() == 1 ? new String[] {null, parts.get(0)} : new String[] {parts.get(0), parts.get(1)};
    }

    private static String fold(String s) {
        // PostgreSQL folds only ASCII letters
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? Character.toLowerCase(c) : c);
        }
        return b.toString();
    }
}
