package dev.refguard.parse.block;

import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.block.CatalogGuard.And;
import dev.refguard.parse.block.CatalogGuard.Constant;
import dev.refguard.parse.block.CatalogGuard.Exists;
import dev.refguard.parse.block.CatalogGuard.Not;
import dev.refguard.parse.block.CatalogGuard.Opaque;
import dev.refguard.parse.block.CatalogGuard.Or;
import dev.refguard.parse.block.CatalogGuard.RegclassNull;
import dev.refguard.parse.block.CatalogQuery.Column;
import dev.refguard.parse.block.CatalogQuery.Condition;
import dev.refguard.parse.block.CatalogQuery.Function;
import dev.refguard.parse.block.CatalogQuery.Literal;
import dev.refguard.parse.block.CatalogQuery.Operand;
import dev.refguard.parse.block.CatalogQuery.Source;
import dev.refguard.split.Blanks;
import dev.refguard.split.SqlLexer.Token;
import dev.refguard.split.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads the condition of an {@code IF}/{@code ELSIF} (a range of the body's tokens) into a {@link Guard}:
 * {@code NOT}, {@code AND}, {@code OR}, parentheses, {@code [NOT] EXISTS (SELECT ... FROM <catalogue> WHERE
 * ...)}, {@code (SELECT count(*) ...) = 0}, {@code to_regclass('x') IS [NOT] NULL}, {@code TRUE}/{@code FALSE};
 * anything else is {@link Opaque}. Never throws: a shape it does not know is opaque, never a guess
 * (docs/replay.md, "Control flow").
 */
final class GuardReader {
    /** The catalogue relations whose rows the evaluator can list. */
    static final Set<String> RELATIONS = Set.of(
            "information_schema.tables",
            "information_schema.columns",
            "information_schema.table_constraints",
            "information_schema.schemata",
            "pg_tables",
            "pg_class",
            "pg_namespace",
            "pg_constraint",
            "pg_type",
            "pg_indexes");

    private static final Set<String> NOT_ALIASES = Set.of(
            "where", "join", "inner", "left", "right", "full", "cross", "on", "limit", "natural", "order", "group");

    private final String text;
    private final List<Token> tokens;
    private final IntFunction<SourcePosition> positions;

    GuardReader(String text, List<Token> tokens, IntFunction<SourcePosition> positions) {
        this.text = text;
        this.tokens = tokens;
        this.positions = positions;
    }

    /** The guard of tokens {@code [from, to)}. */
    Guard read(int from, int to) {
        if (from >= to) {
            return new Opaque("", position(from));
        }
        return or(from, to);
    }

    private SourcePosition position(int index) {
        int i = Math.min(index, tokens.size() - 1);
        return positions.apply(i < 0 ? 0 : tokens.get(i).start());
    }

    private String word(int i) {
        Token token = tokens.get(i);
        return token.type() == Type.WORD
                ? text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT)
                : "";
    }

    private boolean isWord(int i, int to, String lower) {
        return i < to && word(i).equals(lower);
    }

    private boolean isSymbol(int i, int to, char c) {
        return i < to && tokens.get(i).isSymbol(text, c);
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}, or -1. */
    private int closing(int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            if (tokens.get(i).isSymbol(text, '(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(text, ')')) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits {@code [from, to)} at the word {@code lower} outside parentheses and CASE expressions. */
    private List<int[]> split(int from, int to, String lower) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        boolean between = false;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol(text, '(') || token.isWord(text, "CASE")) {
                depth++;
            } else if (token.isSymbol(text, ')') || (token.isWord(text, "END") && depth > 0)) {
                depth--;
            } else if (depth == 0 && token.isWord(text, "BETWEEN")) {
                between = true; // its AND is not a conjunction
            } else if (depth == 0 && word(i).equals(lower)) {
                if (lower.equals("and") && between) {
                    between = false;
                    continue;
                }
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        parts.add(new int[] {start, to});
        return parts;
    }

    private Guard or(int from, int to) {
        List<int[]> parts = split(from, to, "or");
        if (parts.size() == 1) {
            return and(from, to);
        }
        List<Guard> operands = new ArrayList<>();
        for (int[] p : parts) {
            operands.add(and(p[0], p[1]));
        }
        return new Or(operands, position(from));
    }

    private Guard and(int from, int to) {
        List<int[]> parts = split(from, to, "and");
        if (parts.size() == 1) {
            return unary(from, to);
        }
        List<Guard> operands = new ArrayList<>();
        for (int[] p : parts) {
            operands.add(unary(p[0], p[1]));
        }
        return new And(operands, position(from));
    }

    private Guard unary(int from, int to) {
        if (from >= to) {
            return opaque(from, to);
        }
        if (isWord(from, to, "not")) {
            return new Not(unary(from + 1, to), position(from));
        }
        Guard primary = primary(from, to);
        return primary == null ? opaque(from, to) : primary;
    }

    /** One operand filling all of {@code [from, to)}, or {@code null} when it is not a known shape. */
    private Guard primary(int from, int to) {
        String first = word(from);
        if ((first.equals("true") || first.equals("false")) && from + 1 == to) {
            return new Constant(first.equals("true"), position(from));
        }
        if (first.equals("exists") && isSymbol(from + 1, to, '(')) {
            int close = closing(from + 1, to);
            if (close != to - 1) {
                return null;
            }
            CatalogQuery query = query(from + 2, close);
            return query == null ? null : new Exists(query, position(from));
        }
        if (isSymbol(from, to, '(')) {
            int close = closing(from, to);
            if (close < 0) {
                return null;
            }
            if (isWord(from + 1, close, "select")) {
                return countComparison(from, close, to);
            }
            if (close == to - 1) {
                return or(from + 1, close);
            }
            return null;
        }
        return regclass(from, to);
    }

    /** {@code (SELECT count(*) FROM ...) = 0} and its kin, read as {@code [NOT] EXISTS}. */
    private Guard countComparison(int open, int close, int to) {
        int i = open + 2;
        if (!isWord(i, close, "count") || !isSymbol(i + 1, close, '(')) {
            return null;
        }
        int countClose = closing(i + 1, close);
        if (countClose < 0 || !isWord(countClose + 1, close, "from")) {
            return null;
        }
        CatalogQuery query = query(open + 1, close);
        if (query == null) {
            return null;
        }
        // the operator and a number after the subquery
        StringBuilder operator = new StringBuilder();
        int j = close + 1;
        while (j < to && tokens.get(j).type() == Type.SYMBOL) {
            operator.append(text, tokens.get(j).start(), tokens.get(j).end());
            j++;
        }
        if (j != to - 1 || tokens.get(j).type() != Type.NUMBER) {
            return null;
        }
        String number = text.substring(tokens.get(j).start(), tokens.get(j).end());
        Exists exists = new Exists(query, position(open));
        String op = operator.toString();
        if (number.equals("0")) {
            return switch (op) {
                case "=", "<=" -> new Not(exists, position(open));
                case ">", "<>", "!=" -> exists;
                default -> null;
            };
        }
        if (number.equals("1")) {
            return switch (op) {
                case ">=" -> exists;
                case "<" -> new Not(exists, position(open));
                default -> null;
            };
        }
        return null;
    }

    /** {@code [pg_catalog.]to_regclass('x'[::text]) IS [NOT] NULL}. */
    private Guard regclass(int from, int to) {
        int i = from;
        if (isWord(i, to, "pg_catalog") && isSymbol(i + 1, to, '.')) {
            i += 2;
        }
        if (!isWord(i, to, "to_regclass") || !isSymbol(i + 1, to, '(')) {
            return null;
        }
        int close = closing(i + 1, to);
        if (close < 0 || close - (i + 2) < 1) {
            return null;
        }
        Token literal = tokens.get(i + 2);
        if (literal.type() != Type.STRING || !literal.terminated() || literal.prefixLength() != 0) {
            return null;
        }
        int afterLiteral = i + 3;
        if (afterLiteral < close) {
            // ::text / ::varchar casts of the literal change nothing
            if (!(isSymbol(afterLiteral, close, ':')
                    && isSymbol(afterLiteral + 1, close, ':')
                    && afterLiteral + 3 == close)) {
                return null;
            }
        }
        int j = close + 1;
        if (!isWord(j, to, "is")) {
            return null;
        }
        boolean not = isWord(j + 1, to, "not");
        int nullAt = not ? j + 2 : j + 1;
        if (!isWord(nullAt, to, "null") || nullAt + 1 != to) {
            return null;
        }
        String[] name = RegclassName.parse(text.substring(literal.contentStart(), literal.contentEnd()));
        if (name == null) {
            return null;
        }
        return new RegclassNull(name[0], name[1], !not, position(from));
    }

    private Opaque opaque(int from, int to) {
        if (from >= to) {
            return new Opaque("", position(from));
        }
        String written = text.substring(
                tokens.get(from).start(),
                tokens.get(Math.min(to, tokens.size()) - 1).end());
        written = Blanks.squeeze(written).strip();
        return new Opaque(written, position(from));
    }

    // ---------------------------------------------------------------- the catalogue subquery

    /** {@code SELECT ... FROM sources [WHERE conditions] [LIMIT n]} in {@code [from, to)}, or {@code null}. */
    CatalogQuery query(int from, int to) {
        if (!isWord(from, to, "select")) {
            return null;
        }
        int i = from + 1;
        int depth = 0;
        while (i < to && !(depth == 0 && isWord(i, to, "from"))) {
            if (tokens.get(i).isSymbol(text, '(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(text, ')')) {
                depth--;
            }
            i++;
        }
        if (i >= to) {
            return null;
        }
        i++;
        List<Source> sources = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        while (true) {
            int[] next = {i};
            Source source = source(next, to);
            if (source == null) {
                return null;
            }
            sources.add(source);
            i = next[0];
            if (i >= to) {
                break;
            }
            if (isSymbol(i, to, ',')) {
                i++;
                continue;
            }
            if (isWord(i, to, "inner") && isWord(i + 1, to, "join")) {
                i++;
            }
            if (isWord(i, to, "join")) {
                int[] joined = {i + 1};
                Source right = source(joined, to);
                if (right == null || !isWord(joined[0], to, "on")) {
                    return null;
                }
                sources.add(right);
                int onStart = joined[0] + 1;
                int onEnd = onStart;
                while (onEnd < to
                        && !isWord(onEnd, to, "where")
                        && !isWord(onEnd, to, "join")
                        && !isWord(onEnd, to, "inner")
                        && !isWord(onEnd, to, "limit")
                        && !isSymbol(onEnd, to, ',')) {
                    onEnd++;
                }
                if (!conditions(onStart, onEnd, conditions)) {
                    return null;
                }
                i = onEnd;
                if (i >= to) {
                    break;
                }
                if (isSymbol(i, to, ',')) {
                    i++;
                    continue;
                }
                if (isWord(i, to, "join") || isWord(i, to, "inner")) {
                    continue;
                }
            }
            break;
        }
        if (isWord(i, to, "where")) {
            int end = i + 1;
            while (end < to && !isWord(end, to, "limit")) {
                end++;
            }
            if (!conditions(i + 1, end, conditions)) {
                return null;
            }
            i = end;
        }
        if (isWord(i, to, "limit")) {
            i += 2;
        }
        if (i != to) {
            return null;
        }
        return new CatalogQuery(sources, conditions);
    }

    private Source source(int[] at, int to) {
        int i = at[0];
        List<String> parts = new ArrayList<>();
        while (true) {
            String part = identifier(i, to);
            if (part == null) {
                return null;
            }
            parts.add(part);
            i++;
            if (isSymbol(i, to, '.')) {
                i++;
            } else {
                break;
            }
        }
        if (parts.size() > 2) {
            return null;
        }
        String relation = String.join(".", parts);
        if (relation.startsWith("pg_catalog.")) {
            relation = relation.substring("pg_catalog.".length());
        }
        if (!RELATIONS.contains(relation)) {
            return null;
        }
        String alias = parts.get(parts.size() - 1);
        if (isWord(i, to, "as")) {
            i++;
        }
        if (i < to && (tokens.get(i).type() == Type.WORD || tokens.get(i).type() == Type.QUOTED_IDENTIFIER)) {
            String written = identifier(i, to);
            if (written != null && !NOT_ALIASES.contains(written)) {
                alias = written;
                i++;
            }
        }
        at[0] = i;
        return new Source(relation, alias);
    }

    private String identifier(int i, int to) {
        if (i >= to) {
            return null;
        }
        Token token = tokens.get(i);
        if (token.type() == Type.WORD) {
            return text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT);
        }
        if (token.type() == Type.QUOTED_IDENTIFIER && token.terminated()) {
            return text.substring(token.contentStart(), token.contentEnd()).replace("\"\"", "\"");
        }
        return null;
    }

    private boolean conditions(int from, int to, List<Condition> out) {
        if (from >= to) {
            return false;
        }
        if (split(from, to, "or").size() > 1) {
            return false;
        }
        for (int[] part : split(from, to, "and")) {
            Condition c = condition(part[0], part[1]);
            if (c == null) {
                return false;
            }
            out.add(c);
        }
        return true;
    }

    private Condition condition(int from, int to) {
        if (isSymbol(from, to, '(') && closing(from, to) == to - 1) {
            return condition(from + 1, to - 1);
        }
        int[] at = {from};
        Operand left = operand(at, to);
        if (left == null) {
            return null;
        }
        int i = at[0];
        boolean equal;
        if (isSymbol(i, to, '=')) {
            equal = true;
            i++;
        } else if ((isSymbol(i, to, '<') && isSymbol(i + 1, to, '>'))
                || (isSymbol(i, to, '!') && isSymbol(i + 1, to, '='))) {
            equal = false;
            i += 2;
        } else {
            return null;
        }
        at[0] = i;
        Operand right = operand(at, to);
        if (right == null || at[0] != to) {
            return null;
        }
        return new Condition(left, equal, right);
    }

    private Operand operand(int[] at, int to) {
        int i = at[0];
        if (i >= to) {
            return null;
        }
        Token token = tokens.get(i);
        Operand operand;
        if (token.type() == Type.STRING && token.terminated() && token.prefixLength() == 0) {
            String value =
                    text.substring(token.contentStart(), token.contentEnd()).replace("''", "'");
            i++;
            String cast = null;
            if (isSymbol(i, to, ':') && isSymbol(i + 1, to, ':') && i + 2 < to) {
                cast = identifier(i + 2, to);
                i += 3;
            }
            operand = new Literal(value, cast);
        } else if (token.type() == Type.NUMBER) {
            operand = new Literal(text.substring(token.start(), token.end()), null);
            i++;
        } else {
            String name = identifier(i, to);
            if (name == null) {
                return null;
            }
            if (token.type() == Type.WORD && (name.equals("current_schema") || name.equals("current_database"))) {
                i++;
                if (isSymbol(i, to, '(') && isSymbol(i + 1, to, ')')) {
                    i += 2;
                }
                operand = new Function(name);
            } else if (isSymbol(i + 1, to, '.')) {
                String column = identifier(i + 2, to);
                if (column == null) {
                    return null;
                }
                operand = new Column(name, column);
                i += 3;
            } else {
                operand = new Column(null, name);
                i++;
            }
            // a cast of a column (relname::text) compares the same value
            if (isSymbol(i, to, ':') && isSymbol(i + 1, to, ':') && i + 2 < to) {
                i += 3;
            }
        }
        at[0] = i;
        return operand;
    }
}
