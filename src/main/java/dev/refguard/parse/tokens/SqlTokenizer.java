package dev.refguard.parse.tokens;

import dev.refguard.parse.SourcePosition;
import dev.refguard.split.DdlWords;
import dev.refguard.split.SqlLexer;

/**
 * A PostgreSQL scanner over one statement's text that hands out tokens on demand, each with its file
 * position. One forward pass, no recursion, no backtracking: every character is looked at a bounded
 * number of times, and text that never ends (an unterminated quote or comment) simply ends at the end
 * of the statement. It never throws on any input.
 *
 * <p>Comments, strings ({@code B'}, {@code X'}, {@code N'}, {@code U&'} and {@code E'} prefixes),
 * quoted identifiers, dollar quotes and words are {@link SqlLexer}'s; this class adds what the
 * fallback reader needs on top: the value of a string or quoted name, numbers and operators as
 * PostgreSQL groups them, {@code $1} parameters, and file positions.
 */
final class SqlTokenizer {
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String text;
    private final int length;
    private final int statementLine;
    private final int statementColumn;
    private final SqlLexer lexer;
    // the string after a letter that is no prefix, handed out on the next call
    private SqlToken pending;

    // line tracking moves forward only, so positions cost linear time overall
    private int lineScan;
    private int relativeLine = 1;
    private int lineStart;

    SqlTokenizer(String text, int statementLine, int statementColumn) {
        this.text = text == null ? "" : text;
        this.length = this.text.length();
        this.statementLine = statementLine;
        this.statementColumn = statementColumn;
        this.lexer = new SqlLexer(this.text);
    }

    /** The next token, or {@code null} at the end of the text. */
    SqlToken next() {
        if (pending != null) {
            SqlToken token = pending;
            pending = null;
            return token;
        }
        int start = lexer.skipSpaceAndComments();
        if (start >= length) {
            return null;
        }
        char c = text.charAt(start);
        if (isDigit(c) || (c == '.' && isDigit(charAt(start + 1)))) {
            // numbers are cut here, before the lexer, whose number rule is looser than PostgreSQL's
            return moveAfter(number(start));
        }
        SqlLexer.Token token = lexer.next();
        int end = token.end();
        return switch (token.type()) {
            case WORD -> token(SqlToken.Type.WORD, start, end, null);
            case QUOTED_IDENTIFIER -> quotedName(token);
            case ESCAPE_STRING -> token(SqlToken.Type.STRING, start, end, content(token, true));
            case DOLLAR_STRING ->
                token(SqlToken.Type.STRING, start, end, text.substring(token.contentStart(), token.contentEnd()));
            case STRING -> prefixedString(token, c);
            case SEMICOLON -> token(SqlToken.Type.PUNCTUATION, start, end, null);
            default -> symbol(token, c);
        };
    }

    private SqlToken quotedName(SqlLexer.Token token) {
        // re-quoted: an unterminated name (the text's end) reads as if closed there
        String quoted = '"' + text.substring(token.contentStart(), token.contentEnd()) + '"';
        String problem = DdlWords.quotedNameProblem(quoted);
        if (problem != null) {
            throw new FallbackCursor.FallbackSyntaxException(problem);
        }
        return token(SqlToken.Type.QUOTED_IDENTIFIER, token.start(), token.end(), DdlWords.unquote(quoted));
    }

    private SqlToken prefixedString(SqlLexer.Token token, char c) {
        int start = token.start();
        SqlToken string = token(SqlToken.Type.STRING, start, token.end(), content(token, false));
        if (token.prefixLength() != 1 || "BbXxNn".indexOf(c) >= 0) {
            return string;
        }
        // the lexer takes any one letter before a quote as a prefix, PostgreSQL only these: another
        // letter is a word, and the string follows it
        pending = token(SqlToken.Type.STRING, start + 1, token.end(), string.value());
        return token(SqlToken.Type.WORD, start, start + 1, null);
    }

    /** A one-char symbol, or a {@code $1} parameter, which the lexer hands out as symbols too. */
    private SqlToken symbol(SqlLexer.Token token, char c) {
        int start = token.start();
        if (c == '$') {
            return token(
                    token.end() > start + 1 ? SqlToken.Type.PARAMETER : SqlToken.Type.OTHER, start, token.end(), null);
        }
        if (c == ':' && charAt(start + 1) == ':') {
            return moveAfter(token(SqlToken.Type.OPERATOR, start, start + 2, null));
        }
        if ("()[],;.:".indexOf(c) >= 0) {
            return token(SqlToken.Type.PUNCTUATION, start, start + 1, null);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            int end = start + 1;
            while (end < length && OPERATOR_CHARS.indexOf(text.charAt(end)) >= 0 && !commentStartsAt(end)) {
                end++;
            }
            return moveAfter(token(SqlToken.Type.OPERATOR, start, end, null));
        }
        return token(SqlToken.Type.OTHER, start, start + 1, null);
    }

    /** Lexes on after {@code token}, which this class cut itself (a number, an operator). */
    private SqlToken moveAfter(SqlToken token) {
        lexer.moveTo(token.end());
        return token;
    }

    private boolean commentStartsAt(int at) {
        char c = text.charAt(at);
        char next = charAt(at + 1);
        return (c == '-' && next == '-') || (c == '/' && next == '*');
    }

    /**
     * The content of a string or quoted identifier: a doubled quote stands for one, and in an {@code
     * E''} string a backslash escapes the next char.
     */
    private String content(SqlLexer.Token token, boolean escapes) {
        char quote = text.charAt(token.contentStart() - 1);
        int end = token.contentEnd();
        StringBuilder value = new StringBuilder(end - token.contentStart());
        for (int i = token.contentStart(); i < end; i++) {
            char c = text.charAt(i);
            if (escapes && c == '\\') {
                if (i + 1 < end) {
                    value.append(unescape(text.charAt(++i)));
                }
            } else {
                value.append(c);
                if (c == quote) {
                    i++; // the lexer only lets a doubled quote stand inside
                }
            }
        }
        return value.toString();
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        };
    }

    /** A numeric literal from {@code start}: digits with {@code _}, a fraction, an exponent, or {@code 0x}/{@code 0o}/{@code 0b}. */
    private SqlToken number(int start) {
        int i = start;
        if (text.charAt(i) == '0' && "xXoObB".indexOf(charAt(i + 1)) >= 0 && isIdentifierPart(charAt(i + 2))) {
            i += 2;
            while (i < length && isIdentifierPart(text.charAt(i)) && text.charAt(i) != '$') {
                i++;
            }
            return token(SqlToken.Type.NUMBER, start, i, null);
        }
        i = skipDigits(i);
        if (charAt(i) == '.' && charAt(i + 1) != '.') {
            i = skipDigits(i + 1);
        }
        char e = charAt(i);
        if (e == 'e' || e == 'E') {
            char sign = charAt(i + 1);
            if (isDigit(sign)) {
                i = skipDigits(i + 1);
            } else if ((sign == '+' || sign == '-') && isDigit(charAt(i + 2))) {
                i = skipDigits(i + 2);
            }
        }
        return token(SqlToken.Type.NUMBER, start, i, null);
    }

    private int skipDigits(int from) {
        int i = from;
        while (i < length && (isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private SqlToken token(SqlToken.Type type, int start, int end, String value) {
        String raw = text.substring(start, end);
        return new SqlToken(type, raw, value == null ? raw : value, start, end, positionOf(start));
    }

    /**
     * The file position of {@code offset}: on the statement's first line the statement's own column is
     * added; on later lines the column is the column within the line. {@code \n}, {@code \r\n} and a
     * lone {@code \r} each end a line.
     */
    private SourcePosition positionOf(int offset) {
        while (lineScan < offset) {
            char c = text.charAt(lineScan++);
            if (c == '\n' || (c == '\r' && (lineScan >= length || text.charAt(lineScan) != '\n'))) {
                relativeLine++;
                lineStart = lineScan;
            }
        }
        return SourcePosition.inStatement(statementLine, statementColumn, relativeLine, offset - lineStart + 1);
    }

    private char charAt(int at) {
        return at < length ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierPart(char c) {
        return SqlLexer.isIdentifierPart(c);
    }
}
