package dev.refguard.source;

import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces Flyway placeholders ({@code ${schema}}, and built-ins such as {@code ${flyway:defaultSchema}}) the way
 * Flyway does before it runs a file: names are matched ignoring case. A placeholder without a value is left as
 * written (Flyway stops on it); the statement then reads as what it is, unreadable SQL with a finding.
 */
public final class FlywayPlaceholders {
    private final String prefix;
    private final String suffix;
    private final Map<String, String> values;

    /**
     * @param prefix {@code placeholderPrefix}, by default {@code ${}
     * @param suffix {@code placeholderSuffix}, by default {@code }}
     * @param values placeholder name to value (built-ins included, e.g. {@code flyway:defaultSchema})
     */
    public FlywayPlaceholders(String prefix, String suffix, Map<String, String> values) {
        this.prefix = prefix == null || prefix.isEmpty() ? "${" : prefix;
        this.suffix = suffix == null || suffix.isEmpty() ? "}" : suffix;
        this.values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.values.putAll(values);
    }

    /** The values Flyway gives its built-in placeholders that matter to a schema: the default schema and table. */
    public static Map<String, String> builtIns(String defaultSchema, String table, String user, String database) {
        Map<String, String> builtIns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        builtIns.put("flyway:defaultSchema", defaultSchema);
        builtIns.put("flyway:table", table);
        if (user != null) {
            builtIns.put("flyway:user", user);
        }
        if (database != null) {
            builtIns.put("flyway:database", database);
        }
        return builtIns;
    }

    /** The placeholders and their values, built-ins included (names compared ignoring case). */
    public Map<String, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** {@code text} with every placeholder that has a value replaced; line breaks in values are not expected. */
    public String replace(String text) {
        if (text.indexOf(prefix) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int k = 0;
        while (k < text.length()) {
            int start = text.indexOf(prefix, k);
            if (start < 0) {
                break;
            }
            int end = text.indexOf(suffix, start + prefix.length());
            if (end < 0) {
                break;
            }
            String name = text.substring(start + prefix.length(), end);
            String value = values.get(name);
            out.append(text, k, start);
            if (value == null) {
                out.append(text, start, start + prefix.length());
                k = start + prefix.length();
            } else {
                out.append(value);
                k = end + suffix.length();
            }
        }
        out.append(text, k, text.length());
        return out.toString();
    }

    /** Whether there is any placeholder value to replace. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The prefix, suffix and every value: all the replacement does. */
    @Override
    public String toString() {
        return prefix + "..." + suffix + " " + values;
    }
}
