package dev.refguard.schema;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Normalises PostgreSQL type names and decides whether an FK column type can reference a key type. */
public final class SqlTypes {
    private SqlTypes() {}

    /** How well two types fit as FK column and referenced column. */
    public enum Fit {
        /** Same type or same family PostgreSQL accepts without remark ({@code varchar} → {@code text}). */
        MATCH,
        /** PostgreSQL accepts it, but the values can disagree ({@code integer} → {@code bigint}). */
        NARROWING,
        /** PostgreSQL rejects the FK: no equality operator between the types ({@code text} → {@code uuid}). */
        INCOMPATIBLE,
        /** A type refguard does not know (an enum, a domain): nothing is claimed. */
        UNKNOWN
    }

    private static final Set<String> NUMERIC_FAMILIES = Set.of("integer", "numeric", "float");

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
            Map.entry("decimal", "numeric"));

    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("smallint", "integer"),
            Map.entry("integer", "integer"),
            Map.entry("bigint", "integer"),
            Map.entry("numeric", "numeric"),
            Map.entry("real", "float"),
            Map.entry("double precision", "float"),
            Map.entry("text", "string"),
            Map.entry("character varying", "string"),
            Map.entry("character", "string"),
            Map.entry("citext", "string"),
            Map.entry("name", "string"),
            Map.entry("uuid", "uuid"),
            Map.entry("boolean", "boolean"),
            Map.entry("date", "date"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamp"),
            Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "time"),
            Map.entry("bytea", "bytea"),
            Map.entry("json", "json"),
            Map.entry("jsonb", "jsonb"),
            Map.entry("inet", "network"),
            Map.entry("cidr", "network"),
            Map.entry("oid", "oid"));

    /**
     * The normalised name of a type as written: lower case outside quotes, modifiers such as
     * {@code (255)} or {@code (3)} removed, aliases resolved ({@code int4} → {@code integer},
     * {@code serial} → {@code integer}, {@code varchar} → {@code character varying}), the
     * {@code pg_catalog.} prefix dropped, array brackets kept as {@code []}.
     */
    public static String normalize(String written) {
        if (written == null) {
            return null;
        }
        String t = written.trim();
        boolean quoted = t.startsWith("\"") || t.contains(".\"");
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                out.append(c);
            }
        }
        String s = out.toString().replaceAll("\\s+", " ").replace(" [", "[").trim();
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
            s = ALIASES.getOrDefault(s, s);
        } else {
            s = s.replace("\"", "");
        }
        return s + "[]".repeat(arrays);
    }

    /** Whether the (normalised) type is one refguard knows the comparison rules of. */
    public static boolean isKnown(String normalized) {
        return normalized != null && FAMILIES.containsKey(normalized);
    }

    /**
     * How an FK column of type {@code from} fits a referenced column of type {@code to} (both normalised).
     */
    public static Fit fit(String from, String to) {
        if (from == null || to == null) {
            return Fit.UNKNOWN;
        }
        if (from.equals(to)) {
            return Fit.MATCH;
        }
        String ff = FAMILIES.get(from);
        String tf = FAMILIES.get(to);
        if (ff == null || tf == null) {
            // enums, domains, arrays of unknowns: a domain over uuid can reference uuid, so claim nothing
            return Fit.UNKNOWN;
        }
        if (ff.equals(tf)) {
            return ff.equals("integer") || ff.equals("float") ? Fit.NARROWING : Fit.MATCH;
        }
        // PostgreSQL finds a cross-type equality operator between the numeric families
        boolean numeric = NUMERIC_FAMILIES.contains(ff) && NUMERIC_FAMILIES.contains(tf);
        return numeric ? Fit.NARROWING : Fit.INCOMPATIBLE;
    }
}
