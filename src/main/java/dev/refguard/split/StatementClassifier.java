package dev.refguard.split;

import dev.refguard.split.SqlLexer.Token;
import dev.refguard.split.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Classifies a statement by its leading keywords, case-insensitively. */
final class StatementClassifier {
    private static final int LEADING_TOKENS = 8;

    /** Leading keywords of statements that cannot change tables, columns, keys or name resolution. */
    private static final Set<String> IGNORED_COMMANDS = Set.of(
            "INSERT",
            "UPDATE",
            "SELECT",
            "WITH",
            "VALUES",
            "TABLE",
            "MERGE",
            "GRANT",
            "REVOKE",
            "COMMENT",
            "COPY",
            "BEGIN",
            "START",
            "COMMIT",
            "END",
            "ROLLBACK",
            "ABORT",
            "SAVEPOINT",
            "RELEASE",
            "PREPARE",
            "EXECUTE",
            "DEALLOCATE",
            "SET",
            "RESET",
            "SHOW",
            "DISCARD",
            "VACUUM",
            "ANALYZE",
            "ANALYSE",
            "CLUSTER",
            "REINDEX",
            "REFRESH",
            "CHECKPOINT",
            "NOTIFY",
            "LISTEN",
            "UNLISTEN",
            "LOCK",
            "EXPLAIN",
            "SECURITY",
            "LOAD",
            "CALL",
            "DECLARE",
            "FETCH",
            "MOVE",
            "CLOSE",
            "IMPORT",
            "REASSIGN");

    /** Objects whose CREATE, ALTER or DROP does not touch tables or keys. */
    private static final Set<String> IGNORED_OBJECTS = Set.of(
            "POLICY",
            "TYPE",
            "EXTENSION",
            "VIEW",
            "MATERIALIZED",
            "RECURSIVE",
            "SEQUENCE",
            "ROLE",
            "USER",
            "GROUP",
            "DOMAIN",
            "AGGREGATE",
            "CAST",
            "COLLATION",
            "CONVERSION",
            "DEFAULT",
            "EVENT",
            "OPERATOR",
            "PUBLICATION",
            "SUBSCRIPTION",
            "RULE",
            "SERVER",
            "STATISTICS",
            "TEXT",
            "TRANSFORM",
            "LANGUAGE",
            "TRUSTED",
            "PROCEDURAL",
            "ACCESS",
            "DATABASE",
            "TABLESPACE",
            "FOREIGN",
            "FUNCTION",
            "PROCEDURE",
            "ROUTINE",
            "TRIGGER",
            "INDEX",
            "OWNED",
            "LARGE",
            "SCHEMA",
            "SYSTEM");

    private StatementClassifier() {}

    static StatementKind classify(String text) {
        List<String> words = leadingWords(text);
        String first = word(words, 0);
        return switch (first) {
            case "CREATE" -> create(words);
            case "ALTER" -> alter(words);
            case "DROP" -> drop(words);
            case "SET" ->
                MysqlLexis.FOREIGN_KEY_CHECKS.matcher(text).find() ? StatementKind.SET_FOREIGN_KEY_CHECKS : set(words);
            case "SELECT" ->
                isSetConfigSearchPath(text)
                        ? StatementKind.SET_SEARCH_PATH
                        : selectsInto(text) ? StatementKind.SELECT_INTO : StatementKind.IGNORED;
            case "WITH" -> selectsInto(text) ? StatementKind.SELECT_INTO : StatementKind.IGNORED;
            case "DO" -> StatementKind.DO_BLOCK;
            case "BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" ->
                word(words, 1).equals("PREPARED") ? StatementKind.IGNORED : StatementKind.TRANSACTION;
            case "START" -> word(words, 1).equals("TRANSACTION") ? StatementKind.TRANSACTION : StatementKind.IGNORED;
            case "TRUNCATE" -> StatementKind.TRUNCATE;
            case "DELETE" -> StatementKind.DELETE;
            default -> IGNORED_COMMANDS.contains(first) ? StatementKind.IGNORED : StatementKind.OTHER;
        };
    }

    private static StatementKind create(List<String> words) {
        int i = 1;
        if (word(words, i).equals("OR") && word(words, i + 1).equals("REPLACE")) {
            i += 2;
        }
        String object = word(words, i);
        switch (object) {
            case "FUNCTION", "PROCEDURE" -> {
                return StatementKind.CREATE_FUNCTION;
            }
            case "TRIGGER" -> {
                return StatementKind.CREATE_TRIGGER;
            }
            case "CONSTRAINT" -> {
                return word(words, i + 1).equals("TRIGGER") ? StatementKind.CREATE_TRIGGER : StatementKind.OTHER;
            }
            case "SCHEMA" -> {
                return StatementKind.CREATE_SCHEMA;
            }
            case "VIEW", "RECURSIVE", "SEQUENCE" -> {
                return StatementKind.CREATE_RELATION;
            }
            case "MATERIALIZED" -> {
                return word(words, i + 1).equals("VIEW") ? StatementKind.CREATE_RELATION : StatementKind.OTHER;
            }
            case "TYPE", "DOMAIN" -> {
                return i == 1 ? StatementKind.TYPE_DEFINITION : StatementKind.IGNORED;
            }
            case "UNIQUE", "INDEX" -> {
                int index = object.equals("UNIQUE") ? i + 1 : i;
                return word(words, index).equals("INDEX") ? StatementKind.CREATE_INDEX : StatementKind.OTHER;
            }
            default -> {
                // CREATE [GLOBAL|LOCAL] TEMP|TEMPORARY | UNLOGGED TABLE, also CREATE TEMP VIEW/SEQUENCE
                i += DdlWords.persistence(at -> word(words, at), i).length();
                object = word(words, i);
                if (object.equals("TABLE")) {
                    return StatementKind.CREATE_TABLE;
                }
                if (object.equals("VIEW") || object.equals("RECURSIVE") || object.equals("SEQUENCE")) {
                    return StatementKind.CREATE_RELATION;
                }
                return IGNORED_OBJECTS.contains(object) ? StatementKind.IGNORED : StatementKind.OTHER;
            }
        }
    }

    private static StatementKind alter(List<String> words) {
        String object = word(words, 1);
        if (object.equals("TABLE")) {
            return StatementKind.ALTER_TABLE;
        }
        if (object.equals("TYPE") || object.equals("DOMAIN")) {
            return StatementKind.TYPE_DEFINITION;
        }
        return IGNORED_OBJECTS.contains(object) ? StatementKind.IGNORED : StatementKind.OTHER;
    }

    private static StatementKind drop(List<String> words) {
        String object = word(words, 1);
        return switch (object) {
            case "TABLE" -> StatementKind.DROP_TABLE;
            case "SCHEMA" -> StatementKind.DROP_SCHEMA;
            case "INDEX" -> StatementKind.DROP_INDEX;
            case "TYPE", "DOMAIN" -> StatementKind.TYPE_DEFINITION;
            default -> IGNORED_OBJECTS.contains(object) ? StatementKind.IGNORED : StatementKind.OTHER;
        };
    }

    private static StatementKind set(List<String> words) {
        int i = 1;
        if (word(words, i).equals("SESSION") || word(words, i).equals("LOCAL")) {
            i++;
        }
        // SET SCHEMA 'x' is PostgreSQL's alias for SET search_path TO x
        String name = word(words, i);
        return name.equals("SEARCH_PATH") || (name.equals("SCHEMA") && i == 1)
                ? StatementKind.SET_SEARCH_PATH
                : StatementKind.IGNORED;
    }

    /** {@code SELECT [pg_catalog.]set_config('search_path', ...)}, as pg_dump writes it. */
    private static boolean isSetConfigSearchPath(String text) {
        List<Token> tokens = leadingTokens(text);
        int i = 1;
        if (i + 1 < tokens.size()
                && tokens.get(i).isWord(text, "PG_CATALOG")
                && tokens.get(i + 1).isSymbol(text, '.')) {
            i += 2;
        }
        if (i + 2 >= tokens.size()
                || !tokens.get(i).isWord(text, "SET_CONFIG")
                || !tokens.get(i + 1).isSymbol(text, '(')) {
            return false;
        }
        Token argument = tokens.get(i + 2);
        return argument.type() == Type.STRING
                && text.substring(argument.start(), argument.end()).equalsIgnoreCase("'search_path'");
    }

    /**
     * Whether the statement is {@code [WITH ...] SELECT ... INTO t ...}: its main verb (the first at the top level)
     * is {@code SELECT}, and an {@code INTO} follows at the top level (one inside parentheses is a subquery's, which
     * PostgreSQL rejects).
     */
    private static boolean selectsInto(String text) {
        SqlLexer lexer = new SqlLexer(text, 0, text.length());
        int depth = 0;
        boolean select = false;
        for (Token token = lexer.nextSignificant(); token != null; token = lexer.nextSignificant()) {
            if (token.isSymbol(text, '(') || token.isSymbol(text, '[')) {
                depth++;
            } else if (token.isSymbol(text, ')') || token.isSymbol(text, ']')) {
                depth--;
            } else if (depth == 0 && token.type() == Type.WORD) {
                String word = text.substring(token.start(), token.end()).toUpperCase(Locale.ROOT);
                if (select && word.equals("INTO")) {
                    return true;
                }
                if (!select && DdlWords.MAIN_VERBS.contains(word)) {
                    if (!word.equals("SELECT")) {
                        return false;
                    }
                    select = true;
                }
            }
        }
        return false;
    }

    /** Whether a statement is {@code COPY ... FROM STDIN} (or psql's {@code \copy ... from stdin}). */
    static boolean isCopyFromStdin(String text) {
        SqlLexer lexer = new SqlLexer(text, 0, text.length());
        Token token = lexer.nextSignificant();
        if (token != null && token.isSymbol(text, '\\')) {
            token = lexer.nextSignificant();
        }
        if (token == null || !token.isWord(text, "COPY")) {
            return false;
        }
        boolean afterFrom = false;
        for (token = lexer.nextSignificant(); token != null; token = lexer.nextSignificant()) {
            if (afterFrom && token.isWord(text, "STDIN")) {
                return true;
            }
            afterFrom = token.isWord(text, "FROM");
        }
        return false;
    }

    /** The first few significant tokens of {@code text}, upper-cased when they are words, else empty strings. */
    private static List<String> leadingWords(String text) {
        List<String> words = new ArrayList<>(LEADING_TOKENS);
        for (Token token : leadingTokens(text)) {
            if (token.type() == Type.WORD) {
                words.add(text.substring(token.start(), token.end()).toUpperCase(Locale.ROOT));
            } else if (token.type() == Type.QUOTED_IDENTIFIER) {
                // "search_path" is the same name as search_path; nothing else is matched quoted
                words.add(isQuoted(text.substring(token.start(), token.end()), "search_path") ? "SEARCH_PATH" : "");
            } else {
                words.add("");
            }
        }
        return words;
    }

    /** Whether a quoted identifier spells {@code name} exactly. */
    private static boolean isQuoted(String quoted, String name) {
        return name.equals(DdlWords.unquote(quoted)); // null for U&"..." or a malformed name: not the name
    }

    private static List<Token> leadingTokens(String text) {
        SqlLexer lexer = new SqlLexer(text, 0, text.length());
        List<Token> tokens = new ArrayList<>(LEADING_TOKENS);
        for (Token token = lexer.nextSignificant();
                token != null && tokens.size() < LEADING_TOKENS;
                token = lexer.nextSignificant()) {
            tokens.add(token);
        }
        return tokens;
    }

    private static String word(List<String> words, int index) {
        return index < words.size() ? words.get(index) : "";
    }
}
