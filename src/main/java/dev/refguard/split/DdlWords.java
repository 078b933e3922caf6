package dev.refguard.split;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The PostgreSQL DDL words the statement classifier and both statement readers (JSqlParser's mappers and the token
 * reader) know, kept once so the three cannot drift apart: the table modifiers of {@code CREATE TABLE}, the referential
 * actions of a foreign key, the {@code ALTER TABLE} actions that change nothing refguard models, and how a quoted name
 * is unescaped. It lives in {@code split} because the classifier needs it and {@code split} knows nothing of {@code
 * parse}; the readers take it from here.
 *
 * <p>Each reader has its own tokens, so the phrases are matched through {@link Words}: the reader says what stands at
 * each place of its statement.
 */
public final class DdlWords {

    /**
     * The tokens of a statement as the phrases here see them.
     *
     * <p>{@link #at(int)} gives an unquoted word upper-cased, a punctuation mark or operator as written, and {@code
     * null} for anything else (a quoted name, a string, a number) and past the end: a quoted {@code "TABLE"} is a
     * name, never the keyword.
     */
    @FunctionalInterface
    public interface Words {
        /** The token at {@code index}: an upper-cased word, a symbol, or {@code null}. */
        String at(int index);

        /** Whether {@code phrase} stands here from {@code from} on, word for word. */
        default boolean startsWith(int from, List<String> phrase) {
            for (int i = 0; i < phrase.size(); i++) {
                if (!phrase.get(i).equals(at(from + i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The verbs of the statement a {@code WITH} clause leads to (gram.y: PreparableStmt and {@code SELECT}'s forms):
     * the first of them at the top level is the statement's own verb.
     */
    public static final Set<String> MAIN_VERBS =
            Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE");

    /**
     * The referential actions of {@code ON DELETE} and {@code ON UPDATE}, as the model records them (their words
     * joined by one space).
     */
    public static final List<String> REFERENTIAL_ACTIONS =
            List.of("CASCADE", "RESTRICT", "NO ACTION", "SET NULL", "SET DEFAULT");

    /**
     * The {@code ALTER TABLE} actions (gram.y: alter_table_cmd) that change nothing refguard models, by their leading
     * words: ownership, triggers and rules, row security, storage, clustering, inheritance, typed-table links, foreign
     * table options, partitions attached or detached (the partition's own table is what the model knows), and
     * constraint validation or timing.
     */
    private static final List<List<String>> HARMLESS_ALTER_ACTIONS = List.of(
            List.of("OWNER", "TO"),
            List.of("REPLICA", "IDENTITY"),
            List.of("ENABLE"),
            List.of("DISABLE"),
            List.of("FORCE", "ROW"),
            List.of("NO", "FORCE"),
            List.of("VALIDATE", "CONSTRAINT"),
            List.of("ALTER", "CONSTRAINT"),
            List.of("SET", "("),
            List.of("RESET", "("),
            List.of("SET", "TABLESPACE"),
            List.of("SET", "WITHOUT"),
            List.of("SET", "ACCESS", "METHOD"),
            List.of("CLUSTER", "ON"),
            // INHERIT requires the child to have every parent column already
            List.of("INHERIT"),
            List.of("NO", "INHERIT"),
            List.of("OF"),
            List.of("NOT", "OF"),
            List.of("OPTIONS", "("),
            List.of("ATTACH", "PARTITION"),
            List.of("DETACH", "PARTITION"));

    /**
     * What may follow {@code ALTER [COLUMN] c} without changing the column's type or default: its nullability,
     * statistics, storage and options, and its identity or generation (the sequence behind an identity column).
     */
    private static final List<List<String>> HARMLESS_COLUMN_ACTIONS = List.of(
            List.of("SET", "NOT", "NULL"),
            List.of("DROP", "NOT", "NULL"),
            List.of("SET", "STATISTICS"),
            List.of("SET", "STORAGE"),
            List.of("SET", "COMPRESSION"),
            List.of("SET", "("),
            List.of("RESET", "("),
            List.of("OPTIONS", "("),
            List.of("ADD", "GENERATED"),
            List.of("SET", "GENERATED"),
            List.of("DROP", "IDENTITY"),
            List.of("DROP", "EXPRESSION"),
            List.of("RESTART"),
            List.of("SET", "INCREMENT"),
            List.of("SET", "START"),
            List.of("SET", "MAXVALUE"),
            List.of("SET", "MINVALUE"),
            List.of("SET", "NO"),
            List.of("SET", "CACHE"),
            List.of("SET", "CYCLE"),
            List.of("SET", "SEQUENCE"),
            List.of("SET", "OWNED"),
            List.of("SET", "AS"));

    private DdlWords() {}

    /**
     * The persistence words of {@code CREATE ... TABLE} (gram.y: OptTemp): {@code TEMP} or {@code TEMPORARY}, each
     * optionally after {@code LOCAL} or {@code GLOBAL} (both mean temporary), or {@code UNLOGGED}.
     *
     * @param length how many words they take (0 when there are none)
     * @param temporary the table lives in {@code pg_temp} until the session ends
     * @param unlogged the table is {@code UNLOGGED}
     */
    public record Persistence(int length, boolean temporary, boolean unlogged) {
        /** An ordinary table: no persistence words. */
        public static final Persistence PERMANENT = new Persistence(0, false, false);
    }

    /** The persistence words at {@code from}; {@link Persistence#PERMANENT} when there are none. */
    public static Persistence persistence(Words words, int from) {
        String first = words.at(from);
        if ("UNLOGGED".equals(first)) {
            return new Persistence(1, false, true);
        }
        int at = "GLOBAL".equals(first) || "LOCAL".equals(first) ? from + 1 : from;
        String temp = words.at(at);
        if ("TEMP".equals(temp) || "TEMPORARY".equals(temp)) {
            return new Persistence(at - from + 1, true, false);
        }
        return Persistence.PERMANENT;
    }

    /**
     * The persistence words of a {@code CREATE TABLE} when {@code TABLE} follows them at {@code from}, or {@code null}
     * when no table is created there. {@code CREATE FOREIGN TABLE} creates none: a foreign table takes no keys and no
     * foreign key may reference it ("referenced relation is not a table"), so the model has nothing of it.
     */
    public static Persistence tableModifiers(Words words, int from) {
        Persistence persistence = persistence(words, from);
        return "TABLE".equals(words.at(from + persistence.length())) ? persistence : null;
    }

    /**
     * The referential action at {@code from} ({@code CASCADE}, {@code SET NULL}, ...) as {@link #REFERENTIAL_ACTIONS}
     * spells it, or {@code null} when none stands there; it takes as many words as it has.
     */
    public static String referentialAction(Words words, int from) {
        for (String action : REFERENTIAL_ACTIONS) {
            if (words.startsWith(from, List.of(action.split(" ")))) {
                return action;
            }
        }
        return null;
    }

    /** Whether the {@code ALTER TABLE} action at {@code from} changes nothing refguard models. */
    public static boolean harmlessAlterAction(Words words, int from) {
        return HARMLESS_ALTER_ACTIONS.stream().anyMatch(phrase -> words.startsWith(from, phrase));
    }

    /**
     * Whether what follows {@code ALTER [COLUMN] c} at {@code from} leaves the column's type and default as they are
     * ({@code DROP DEFAULT} does not: the column has no default any more).
     */
    public static boolean harmlessColumnAction(Words words, int from) {
        return HARMLESS_COLUMN_ACTIONS.stream().anyMatch(phrase -> words.startsWith(from, phrase));
    }

    /**
     * The name a double-quoted identifier spells: the quotes removed and each doubled quote inside made one, its
     * case kept.
     *
     * @param quoted the identifier as written, from its opening to its closing quote
     * @return the name, or null when {@code quoted} is no well-formed quoted name ({@link #quotedNameProblem} says
     *     why)
     */
    public static String unquote(String quoted) {
        return quotedNameProblem(quoted) == null
                ? quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"")
                : null;
    }

    /**
     * Why {@code quoted} is no well-formed quoted name, or null when it is one; PostgreSQL rejects an empty one
     * ("zero-length delimited identifier").
     */
    public static String quotedNameProblem(String quoted) {
        if (quoted == null
                || quoted.length() < 2
                || quoted.charAt(0) != '"'
                || quoted.charAt(quoted.length() - 1) != '"') {
            return "not a quoted name: " + quoted;
        }
        String inner = quoted.substring(1, quoted.length() - 1);
        if (inner.isEmpty()) {
            return "zero-length quoted name";
        }
        if (inner.replace("\"\"", "").contains("\"")) {
            return "malformed quoted name " + quoted;
        }
        return null;
    }

    /** A word as {@link Words#at} gives it: upper-cased in the root locale, so the Turkish dotless i cannot interfere. */
    public static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
