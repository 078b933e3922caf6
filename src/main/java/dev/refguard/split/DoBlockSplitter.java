package dev.refguard.split;

import dev.refguard.split.SqlLexer.Token;
import dev.refguard.split.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the SQL statements inside a {@code DO} block's PL/pgSQL body, so they can be analysed as if they
 * run (a conditional {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY} inside {@code IF NOT EXISTS
 * (...) THEN ... END IF} is an FK all the same).
 *
 * <p>The body (between its dollar quotes, or inside a plain {@code '...'} string with {@code ''} read as
 * {@code '}) is copied, its PL/pgSQL scaffolding is overwritten with spaces (newlines kept, so every
 * position stays exact), and the rest is split like a file. Blanked: {@code DECLARE} sections,
 * {@code BEGIN}, {@code END [IF|LOOP|CASE|label]}, {@code IF/ELSIF ... THEN}, {@code ELSE},
 * {@code EXCEPTION}, {@code WHEN ... THEN}, {@code CASE ...}, {@code [WHILE|FOR|FOREACH ...] LOOP},
 * {@code <<label>>}, assignments ({@code x := ...;}) and the statements {@code RAISE}, {@code PERFORM},
 * {@code NULL}, {@code RETURN}, {@code EXIT}, {@code CONTINUE}, {@code GET}, {@code ASSERT},
 * {@code OPEN}, {@code CLOSE}, {@code FETCH}, {@code MOVE}. {@code EXECUTE 'literal';} (or a
 * dollar-quoted literal) is unwrapped so the literal's text is split as statements; any other
 * {@code EXECUTE} is dynamic SQL that cannot be known and is blanked.
 *
 * <p>Limits: a body in an {@code E'...'} string is not read; the statements found keep the text of the
 * body, so in a single-quoted body or {@code EXECUTE} literal each {@code ''} reads as a space and a
 * quote ({@code ' '}-shifted string contents, exact positions); nested {@code DO} blocks are returned as
 * statements of kind {@link StatementKind#DO_BLOCK} for the caller to open or not.
 */
public final class DoBlockSplitter {
    private DoBlockSplitter() {}

    /** Whether a body was found and read. */
    public enum Status {
        /** The body was read; {@link Result#statements()} may still be empty. */
        READ,
        /** The block names a language other than PL/pgSQL. */
        NOT_PLPGSQL,
        /** No body in a dollar quote or plain string was found. */
        NO_BODY
    }

    /**
     * The statements of one DO block.
     *
     * @param status whether the body was read
     * @param statements the statements in the body, positioned in the file, in order
     * @param comments the comments in the body, positioned in the file
     */
    public record Result(Status status, List<SqlStatement> statements, List<SqlComment> comments) {
        public Result {
            statements = List.copyOf(statements);
            comments = List.copyOf(comments);
        }
    }

    /**
     * Splits the body of {@code doBlock}, a statement the splitter cut from a file indexed by {@code
     * fileLines}. Never throws.
     */
    public static Result split(SqlStatement doBlock, LineIndex fileLines) {
        String text = doBlock.text();
        SqlLexer lexer = new SqlLexer(text, 0, text.length());
        Token first = lexer.nextSignificant();
        if (first == null || !first.isWord(text, "DO")) {
            return new Result(Status.NO_BODY, List.of(), List.of());
        }
        Token body = null;
        String language = null;
        for (Token token = lexer.nextSignificant(); token != null; token = lexer.nextSignificant()) {
            if (token.isWord(text, "LANGUAGE")) {
                Token name = lexer.nextSignificant();
                if (name != null) {
                    language = unquote(text, name);
                }
            } else if (body == null
                    && (token.type() == Type.DOLLAR_STRING
                            || (token.type() == Type.STRING && text.charAt(token.start()) == '\''))) {
                body = token;
            }
        }
        if (language != null && !language.equalsIgnoreCase("plpgsql")) {
            return new Result(Status.NOT_PLPGSQL, List.of(), List.of());
        }
        if (body == null || !body.terminated()) {
            return new Result(Status.NO_BODY, List.of(), List.of());
        }
        boolean dollar = body.type() == Type.DOLLAR_STRING;
        int bodyStart = body.start() + (dollar ? body.tagLength() : 1);
        int bodyEnd = body.end() - (dollar ? body.tagLength() : 1);
        char[] chars = text.substring(bodyStart, bodyEnd).toCharArray();
        if (!dollar) {
            unescapeQuotes(chars, 0, chars.length);
        }
        blankScaffolding(chars);
        SplitResult inner = StatementSplitter.split(new String(chars), false);

        int base = doBlock.startOffset() + bodyStart;
        List<SqlStatement> statements = new ArrayList<>(inner.statements().size());
        for (SqlStatement statement : inner.statements()) {
            int start = base + statement.startOffset();
            statements.add(new SqlStatement(
                    statement.text(),
                    start,
                    base + statement.endOffset(),
                    fileLines.lineOf(start),
                    fileLines.columnOf(start),
                    statement.kind()));
        }
        int bodyLine = fileLines.lineOf(base);
        int bodyColumn = fileLines.columnOf(base);
        List<SqlComment> comments = new ArrayList<>(inner.comments().size());
        for (SqlComment comment : inner.comments()) {
            // the body keeps its line breaks, so only its first line is shifted sideways
            comments.add(new SqlComment(
                    comment.text(),
                    bodyLine + comment.line() - 1,
                    comment.line() == 1 ? bodyColumn + comment.column() - 1 : comment.column()));
        }
        return new Result(Status.READ, statements, comments);
    }

    private static String unquote(String text, Token token) {
        String raw = text.substring(token.start(), token.end());
        if ((token.type() == Type.STRING || token.type() == Type.QUOTED_IDENTIFIER) && raw.length() >= 2) {
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }

    /** Reads each {@code ''} in {@code [from, to)} as one quote, keeping the length: {@code ' '} becomes space + quote. */
    private static void unescapeQuotes(char[] chars, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (chars[i] == '\'' && chars[i + 1] == '\'') {
                chars[i] = ' ';
                i++;
            }
        }
    }

    /** Overwrites the PL/pgSQL control structure of a body with spaces, leaving its SQL statements in place. */
    private static void blankScaffolding(char[] chars) {
        String body = new String(chars);
        List<Token> tokens = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(body, 0, body.length());
        for (Token token = lexer.nextSignificant(); token != null; token = lexer.nextSignificant()) {
            tokens.add(token);
        }
        Blanker blanker = new Blanker(body, chars, tokens);
        blanker.run();
    }

    /** One pass over the body's tokens, statement by statement. */
    private static final class Blanker {
        private final String body;
        private final char[] chars;
        private final List<Token> tokens;

        Blanker(String body, char[] chars, List<Token> tokens) {
            this.body = body;
            this.chars = chars;
            this.tokens = tokens;
        }

        void run() {
            int i = 0;
            boolean atStart = true;
            while (i < tokens.size()) {
                Token token = tokens.get(i);
                if (token.type() == Type.SEMICOLON) {
                    atStart = true;
                    i++;
                } else if (!atStart) {
                    i++;
                } else if (isLabel(i)) {
                    int close = labelEnd(i);
                    blank(i, close);
                    i = close + 1;
                } else if (token.type() != Type.WORD) {
                    atStart = false;
                    i++;
                } else {
                    int next = control(i);
                    if (next < 0) {
                        atStart = false; // an SQL statement: left as it is
                        i++;
                    } else {
                        i = next;
                    }
                }
            }
        }

        /**
         * Blanks the control construct that starts at token {@code i}, if it is one, and returns the index
         * of the token after it; -1 when token {@code i} starts an SQL statement.
         */
        private int control(int i) {
            String word =
                    body.substring(tokens.get(i).start(), tokens.get(i).end()).toUpperCase(Locale.ROOT);
            switch (word) {
                case "BEGIN", "ELSE", "LOOP", "EXCEPTION" -> {
                    blank(i, i);
                    return i + 1;
                }
                case "DECLARE" -> {
                    int begin = find(i + 1, "BEGIN", false);
                    blank(i, begin - 1);
                    return begin;
                }
                case "IF", "ELSIF", "ELSEIF", "WHEN" -> {
                    int then = find(i + 1, "THEN", true);
                    blank(i, then);
                    return then + 1;
                }
                case "WHILE", "FOR", "FOREACH" -> {
                    int loop = find(i + 1, "LOOP", true);
                    blank(i, loop);
                    return loop + 1;
                }
                case "CASE" -> {
                    int when = find(i + 1, "WHEN", false);
                    blank(i, when - 1);
                    return when;
                }
                case "END" -> {
                    int last = i;
                    while (last + 1 < tokens.size() && tokens.get(last + 1).type() == Type.WORD) {
                        last++;
                    }
                    blank(i, last);
                    return last + 1;
                }
                case "RAISE",
                        "PERFORM",
                        "NULL",
                        "RETURN",
                        "EXIT",
                        "CONTINUE",
                        "GET",
                        "ASSERT",
                        "OPEN",
                        "CLOSE",
                        "FETCH",
                        "MOVE" -> {
                    return blankStatement(i);
                }
                case "EXECUTE" -> {
                    return execute(i);
                }
                default -> {
                    return isAssignment(i) ? blankStatement(i) : -1;
                }
            }
        }

        /** {@code EXECUTE 'literal';}: the literal is the statement; any other EXECUTE is blanked. */
        private int execute(int i) {
            if (i + 1 < tokens.size()) {
                Token literal = tokens.get(i + 1);
                boolean plainString = literal.type() == Type.STRING && body.charAt(literal.start()) == '\'';
                boolean ends = i + 2 == tokens.size() || tokens.get(i + 2).type() == Type.SEMICOLON;
                if (literal.terminated() && ends && (plainString || literal.type() == Type.DOLLAR_STRING)) {
                    blank(i, i);
                    int quote = plainString ? 1 : literal.tagLength();
                    blankRange(literal.start(), literal.start() + quote);
                    blankRange(literal.end() - quote, literal.end());
                    if (plainString) {
                        unescapeQuotes(chars, literal.start() + quote, literal.end() - quote);
                    }
                    return i + 2;
                }
            }
            return blankStatement(i);
        }

        /** {@code name := ...} or {@code name = ...} (also {@code a.b := ...}). */
        private boolean isAssignment(int i) {
            int j = i + 1;
            while (j + 1 < tokens.size() && tokens.get(j).isSymbol(body, '.')) {
                j += 2;
            }
            if (j >= tokens.size()) {
                return false;
            }
            Token operator = tokens.get(j);
            if (operator.isSymbol(body, '=')) {
                return true;
            }
            return operator.isSymbol(body, ':')
                    && j + 1 < tokens.size()
                    && tokens.get(j + 1).isSymbol(body, '=')
                    && tokens.get(j + 1).start() == operator.end();
        }

        /** Blanks tokens {@code i} up to the next {@code ;} (kept) and returns the index of that {@code ;}. */
        private int blankStatement(int i) {
            int end = i;
            while (end < tokens.size() && tokens.get(end).type() != Type.SEMICOLON) {
                end++;
            }
            blank(i, end - 1);
            return end;
        }

        /**
         * The index of the next word {@code upperCaseWord} from {@code from}, or the token count when there
         * is none. With {@code skipCase}, words inside a {@code CASE ... END} expression do not count.
         */
        private int find(int from, String upperCaseWord, boolean skipCase) {
            int caseDepth = 0;
            for (int j = from; j < tokens.size(); j++) {
                Token token = tokens.get(j);
                if (skipCase && token.isWord(body, "CASE")) {
                    caseDepth++;
                } else if (skipCase && caseDepth > 0 && token.isWord(body, "END")) {
                    caseDepth--;
                } else if (caseDepth == 0 && token.isWord(body, upperCaseWord)) {
                    return j;
                }
            }
            return tokens.size();
        }

        private boolean isLabel(int i) {
            return i + 1 < tokens.size()
                    && tokens.get(i).isSymbol(body, '<')
                    && tokens.get(i + 1).isSymbol(body, '<')
                    && labelEnd(i) > 0;
        }

        /** The index of the second {@code >} of a {@code <<label>>} starting at {@code i}, or -1. */
        private int labelEnd(int i) {
            int j = i + 2;
            if (j + 2 < tokens.size()
                    && tokens.get(j).type() == Type.WORD
                    && tokens.get(j + 1).isSymbol(body, '>')
                    && tokens.get(j + 2).isSymbol(body, '>')) {
                return j + 2;
            }
            return -1;
        }

        /** Blanks tokens {@code first..last} (inclusive) and whatever stands between them. */
        private void blank(int first, int last) {
            if (first >= tokens.size() || last < first) {
                return;
            }
            int end = last >= tokens.size() ? chars.length : tokens.get(last).end();
            blankRange(tokens.get(first).start(), end);
        }

        private void blankRange(int from, int to) {
            for (int k = from; k < to; k++) {
                if (chars[k] != '\n' && chars[k] != '\r') {
                    chars[k] = ' ';
                }
            }
        }
    }
}
