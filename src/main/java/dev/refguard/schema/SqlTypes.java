package dev.refguard.schema;

import dev.refguard.split.Blanks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalises PostgreSQL type names and decides whether an FK column type can reference a key type.
 *
 * <p>The decision is PostgreSQL's own, read from {@code pg-fk-compat.tsv}: a table generated from a real
 * PostgreSQL's catalogue and checked against {@code CREATE TABLE ... REFERENCES} for every pair of the built-in
 * types and {@code citext} (docs/rules.md, "How FK type compatibility is decided"). Types the replay resolved to a
 * user-defined type are written as {@link #userType} keys: an enum is its own type, a domain is its base type
 * except over an enum (such a domain can reference nothing).
 */
public final class SqlTypes {
    private SqlTypes() {}

    /** How well two types fit as FK column and referenced column. */
    public enum Fit {
        /** The same type, or a pair PostgreSQL accepts whose values compare alike ({@code varchar} → {@code text}). */
        MATCH,
        /** PostgreSQL accepts it, but numbers of another type can disagree ({@code integer} → {@code bigint}). */
        NARROWING,
        /** PostgreSQL rejects the FK: no equality operator between the types ({@code text} → {@code uuid}). */
        INCOMPATIBLE,
        /** A type refguard does not know (an extension's type other than citext): nothing is claimed. */
        UNKNOWN
    }

    /** The kinds of user-defined type a key can name. */
    public enum UserKind {
        /** {@code CREATE TYPE ... AS ENUM}: only the same enum matches. */
        ENUM("enum"),
        /** {@code CREATE TYPE ... AS RANGE}: only the same range type (or a domain over it) matches. */
        RANGE("range"),
        /** {@code CREATE TYPE ... AS (...)}: the same type matches; another composite is not judged. */
        COMPOSITE("composite"),
        /** An array of a domain: its own type, only the same array type matches. */
        DOMAIN_ARRAY("domain"),
        /** A domain over an enum: PostgreSQL finds no usable equality operator, not even with itself. */
        DOMAIN_OVER_ENUM("domain over enum");

        private final String word;

        UserKind(String word) {
            this.word = word;
        }
    }

    private static final String TABLE = "pg-fk-compat.tsv";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"),
            Map.entry("varchar", "character varying"),
            Map.entry("char varying", "character varying"),
            Map.entry("char", "character"),
            Map.entry("bpchar", "character"),
            Map.entry("bool", "boolean"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"),
            Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"),
            Map.entry("dec", "numeric"),
            Map.entry("varbit", "bit varying"));

    /** The compatibility table: known types, their category, and the accepted (referencing, referenced) pairs. */
    private static final class Table {
        static final Table INSTANCE = load();

        final Map<String, String> categories = new HashMap<>();
        final Set<String> accepted = new HashSet<>();

        private static Table load() {
            Table table = new Table();
            try (InputStream in = SqlTypes.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + TABLE + " is missing from refguard's jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f[0].equals("type")) {
                        table.categories.put(f[1], f[2]);
                    } else if (f[0].equals("fk")) {
                        table.accepted.add(f[1] + "\t" + f[2]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return table;
        }
    }

    /**
     * {@code text} with each run of white space made one space, no space before {@code [}, and the sizes of array
     * dimensions dropped ({@code [ 3 ]} becomes {@code []}): one pass, as the normalisation runs for every column.
     */
    static String squeezeBlanks(CharSequence text) {
        String s = Blanks.squeeze(text).replace(" [", "[");
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '[') {
                // after the squeeze, at most one blank stands on each side of the size
                int j = i + 1 < n && s.charAt(i + 1) == ' ' ? i + 2 : i + 1;
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j < n && s.charAt(j) == ' ') {
                    j++;
                }
                if (j < n && s.charAt(j) == ']') {
                    out.append("[]");
                    i = j;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The normalised name of a type as written: lower case outside quotes, modifiers such as {@code (255)} or
     * {@code (3)} removed (PostgreSQL ignores them for FKs), aliases resolved ({@code int4} → {@code integer},
     * {@code serial} → {@code integer}, {@code varchar} → {@code character varying}), the {@code pg_catalog.} prefix
     * dropped, array brackets kept as one {@code []} whatever the dimensions: the name {@code format_type} gives.
     */
    public static String normalize(String written) {
        if (written == null) {
            return null;
        }
        String t = written.trim();
        boolean quoted = t.startsWith("\"") || t.contains(".\"");
        StringBuilder out = new StringBuilder();
        StringBuilder modifier = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                out.append(c);
            } else if (modifier.length() < 8) {
                modifier.append(c);
            }
        }
        String s = squeezeBlanks(out).trim();
        int arrays = 0;
        while (s.endsWith("[]")) {
            arrays++;
            s = s.substring(0, s.length() - 2).trim();
        }
        if (s.toLowerCase(Locale.ROOT).endsWith(" array")) {
            arrays++;
            s = s.substring(0, s.length() - 6).trim();
        }
        if (!quoted) {
            s = s.toLowerCase(Locale.ROOT);
            if (s.startsWith("pg_catalog.")) {
                s = s.substring("pg_catalog.".length());
            }
            if (s.startsWith("interval ")) {
                s = "interval"; // interval day to second: fields do not change the type
            }
            if (s.equals("float") && isSmallFloatPrecision(modifier.toString())) {
                s = "real"; // float(1) .. float(24) is real
            }
            s = ALIASES.getOrDefault(s, s);
        } else if (s.equals("\"char\"") || s.equals("pg_catalog.\"char\"")) {
            s = "\"char\""; // the one-byte internal type, not character
        } else {
            s = s.replace("\"", "");
        }
        // PostgreSQL ignores an array's declared dimensions: integer[][] and integer[3] are integer[]
        return arrays > 0 ? s + "[]" : s;
    }

    private static boolean isSmallFloatPrecision(String modifier) {
        try {
            int p = Integer.parseInt(modifier.trim());
            return p >= 1 && p <= 24;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether the compatibility table knows the (normalised) built-in type. */
    public static boolean isKnown(String normalized) {
        return normalized != null && Table.INSTANCE.categories.containsKey(normalized);
    }

    /**
     * The key of a user-defined type for {@link #fit}: {@code enum public.mood}, {@code enum public.mood[]}.
     *
     * @param qualifiedName {@code schema.name}
     */
    public static String userType(UserKind kind, String qualifiedName) {
        return kind.word + " " + qualifiedName;
    }

    private static UserKind userKind(String key) {
        for (UserKind kind : UserKind.values()) {
            if (key.startsWith(kind.word + " ")) {
                if (kind == UserKind.DOMAIN_ARRAY && key.startsWith(UserKind.DOMAIN_OVER_ENUM.word + " ")) {
                    return UserKind.DOMAIN_OVER_ENUM;
                }
                return kind;
            }
        }
        return null;
    }

    /** The type as a message names it: a user-defined type by its qualified name, a built-in one as is. */
    public static String display(String key) {
        if (MysqlTypes.isKey(key)) {
            return MysqlTypes.display(key);
        }
        UserKind kind = key == null ? null : userKind(key);
        return kind == null ? key : key.substring(kind.word.length() + 1);
    }

    /**
     * How an FK column of type {@code from} fits a referenced column of type {@code to}: both normalised built-in
     * names ({@link #normalize}) or user-type keys ({@link #userType}).
     */
    public static Fit fit(String from, String to) {
        if (from == null || to == null) {
            return Fit.UNKNOWN;
        }
        if (MysqlTypes.isKey(from) || MysqlTypes.isKey(to)) {
            return MysqlTypes.isKey(from) && MysqlTypes.isKey(to) ? MysqlTypes.fit(from, to) : Fit.UNKNOWN;
        }
        UserKind fromKind = userKind(from);
        UserKind toKind = userKind(to);
        if (fromKind != null || toKind != null) {
            if (fromKind == UserKind.DOMAIN_OVER_ENUM || toKind == UserKind.DOMAIN_OVER_ENUM) {
                return Fit.INCOMPATIBLE;
            }
            if (from.equals(to)) {
                return Fit.MATCH;
            }
            boolean bothComposite = fromKind == UserKind.COMPOSITE && toKind == UserKind.COMPOSITE;
            // PostgreSQL compares two composites through record's operators; refguard does not judge them
            boolean otherKnown = (fromKind != null || isKnown(from)) && (toKind != null || isKnown(to));
            return bothComposite || !otherKnown ? Fit.UNKNOWN : Fit.INCOMPATIBLE;
        }
        Table table = Table.INSTANCE;
        if (!isKnown(from) || !isKnown(to)) {
            return from.equals(to) ? Fit.MATCH : Fit.UNKNOWN;
        }
        if (!table.accepted.contains(from + "\t" + to)) {
            return Fit.INCOMPATIBLE;
        }
        boolean numbers = "N".equals(table.categories.get(from)) && "N".equals(table.categories.get(to));
        return numbers && !from.equals(to) ? Fit.NARROWING : Fit.MATCH;
    }
}
