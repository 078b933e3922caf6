package dev.refguard.schema;

import dev.refguard.parse.Identifier;
import java.util.Locale;
import java.util.Objects;

/**
 * A table's identity as PostgreSQL stores it: folded schema and name.
 *
 * @param schema folded schema name, e.g. {@code public}
 * @param name folded table name, e.g. {@code users} or {@code User}
 */
public record TableId(String schema, String name) implements Comparable<TableId> {
    public TableId {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses a configured name such as {@code auth.users}, {@code users} (schema {@code public}) or
     * {@code public."User"}; unquoted parts fold to lower case.
     */
    public static TableId parse(String configured) {
        String text = configured.trim();
        int dot = splitDot(text);
        String schema = dot < 0 ? "public" : fold(text.substring(0, dot).trim());
        String name = fold(dot < 0 ? text : text.substring(dot + 1).trim());
        return new TableId(schema, name);
    }

    private static int splitDot(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String fold(String part) {
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
            return Identifier.quoted(part.substring(1, part.length() - 1).replace("\"\"", "\""))
                    .folded();
        }
        return Identifier.of(part).folded();
    }

    /** The SQL that names this table exactly, e.g. {@code public.users} or {@code public."User"}. */
    public String sql() {
        return Identifier.sql(schema) + "." + Identifier.sql(name);
    }

    /** The name as messages show it: {@code users} for {@code public.users}, else {@code schema.name}; quoted where needed. */
    public String displayName() {
        return schema.equals("public") ? Identifier.sql(name) : sql();
    }

    /** The case-insensitive key used to find names that differ only in case or quoting. */
    public String caseKey() {
        return schema.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(TableId other) {
        int c = schema.compareTo(other.schema);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return sql();
    }
}
