package dev.refguard.split;

/**
 * A flat PostgreSQL lexer: it knows where strings, quoted identifiers, dollar quotes and comments begin
 * and end, and little else. Iterative and linear in the input; an unterminated construct becomes one
 * token that runs to the end and is flagged. It never throws on any input.
 *
 * <p>This is the one place that holds PostgreSQL's lexical rules (scan.l) for refguard: {@code --} and
 * nested {@code /* *}{@code /} comments; {@code '...'} with {@code ''}; {@code E'...'} with backslash
 * escapes; a one-letter prefix such as {@code B'}, {@code X'}, {@code N'} and {@code U&'}; {@code
 * "..."} identifiers with {@code ""} (also {@code U&"..."}); {@code $tag$...$tag$} dollar quotes
 * (while {@code $1} is a parameter); identifiers that start with a letter, {@code _} or any non-ASCII
 * character and go on with letters, digits, {@code _} and {@code $}. The splitter, the classifier and
 * the parse stage's token views ({@code StatementText}, {@code SqlTokenizer}) all cut text with it, so
 * a keyword inside a string or comment is never seen by any of them.
 */
public final class SqlLexer {

    /** Token kinds; prefixed strings ({@code U&'..'}, {@code B'..'}, {@code X'..'}) are plain {@link #STRING}s. */
    public enum Type {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        /** {@code E'...'}: backslash escapes apply. */
        ESCAPE_STRING,
        DOLLAR_STRING,
        NUMBER,
        /** One character that is none of the above, or a {@code $1} parameter. */
        SYMBOL,
        SEMICOLON,
        LINE_COMMENT,
        BLOCK_COMMENT
    }

    /**
     * One token.
     *
     * @param start offset of its first char
     * @param end offset just past its last char
     * @param terminated {@code false} for a quote, dollar quote or block comment that never ends
     * @param tagLength for a dollar-quoted string, the length of its {@code $tag$} delimiter
     * @param prefixLength for a string or quoted identifier, the chars before its opening quote ({@code E},
     *     {@code B}, {@code U&}...)
     */
    public record Token(Type type, int start, int end, boolean terminated, int tagLength, int prefixLength) {

        Token(Type type, int start, int end, boolean terminated, int tagLength) {
            this(type, start, end, terminated, tagLength, 0);
        }

        /** Whether this is a string constant of any form (standard, prefixed, {@code E''}, dollar-quoted). */
        public boolean isString() {
            return type == Type.STRING || type == Type.ESCAPE_STRING || type == Type.DOLLAR_STRING;
        }

        /**
         * The offset of the first char inside the quotes of a string or quoted identifier (past any
         * prefix and the opening quote or {@code $tag$}); the token start for any other token.
         */
        public int contentStart() {
            if (type == Type.DOLLAR_STRING) {
                return start + tagLength;
            }
            return isString() || type == Type.QUOTED_IDENTIFIER ? start + prefixLength + 1 : start;
        }

        /** The offset just past the content: before the closing quote, or the end when unterminated. */
        public int contentEnd() {
            if (!terminated) {
                return end;
            }
            if (type == Type.DOLLAR_STRING) {
                return end - tagLength;
            }
            return isString() || type == Type.QUOTED_IDENTIFIER ? end - 1 : end;
        }

        /** Whether this is the unquoted word {@code upperCaseWord} of {@code text}, in any case. */
        public boolean isWord(String text, String upperCaseWord) {
            return type == Type.WORD
                    && end - start == upperCaseWord.length()
                    && text.regionMatches(true, start, upperCaseWord, 0, upperCaseWord.length());
        }

        /** Whether this is the one-char symbol {@code symbol} of {@code text}. */
        public boolean isSymbol(String text, char symbol) {
            return type == Type.SYMBOL && end - start == 1 && text.charAt(start) == symbol;
        }

        /** Whether this is a line or block comment. */
        public boolean isComment() {
            return type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
        }
    }

    private final String text;
    private final int limit;
    private int position;

    /** A lexer over all of {@code text}. */
    public SqlLexer(String text) {
        this(text, 0, text.length());
    }

    /** A lexer over {@code text} from offset {@code from} up to (not including) {@code limit}. */
    public SqlLexer(String text, int from, int limit) {
        this.text = text;
        this.position = from;
        this.limit = limit;
    }

    /** Continues lexing at {@code offset} (used to skip COPY data and psql meta-command lines). */
    public void moveTo(int offset) {
        position = Math.min(Math.max(offset, position), limit);
    }

    /** The next token, comments included, or {@code null} at the end. */
    public Token next() {
        while (position < limit && isWhitespace(text.charAt(position))) {
            position++;
        }
        if (position >= limit) {
            return null;
        }
        int start = position;
        char c = text.charAt(start);
        char following = start + 1 < limit ? text.charAt(start + 1) : '\0';
        if (c == '-' && following == '-') {
            return lineComment(start);
        }
        if (c == '/' && following == '*') {
            return blockComment(start);
        }
        if (c == '\'') {
            return quoted(start, start, '\'', Type.STRING);
        }
        if (c == '"') {
            return quoted(start, start, '"', Type.QUOTED_IDENTIFIER);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (c == ';') {
            position = start + 1;
            return new Token(Type.SEMICOLON, start, position, true, 0);
        }
        if (isIdentifierStart(c)) {
            return word(start);
        }
        if (c >= '0' && c <= '9') {
            int end = start + 1;
            while (end < limit && (isIdentifierPart(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            position = end;
            return new Token(Type.NUMBER, start, end, true, 0);
        }
        position = start + 1;
        return new Token(Type.SYMBOL, start, position, true, 0);
    }

    /**
     * Moves past whitespace and comments, and returns the offset where the next token starts (the limit
     * at the end), so a caller can cut that token by rules of its own and {@link #moveTo} past it.
     */
    public int skipSpaceAndComments() {
        while (true) {
            while (position < limit && isWhitespace(text.charAt(position))) {
                position++;
            }
            if (position + 1 >= limit) {
                return position;
            }
            char c = text.charAt(position);
            char following = text.charAt(position + 1);
            if (c == '-' && following == '-') {
                lineComment(position);
            } else if (c == '/' && following == '*') {
                blockComment(position);
            } else {
                return position;
            }
        }
    }

    /** The next token that is not a comment, or {@code null} at the end. */
    public Token nextSignificant() {
        Token token = next();
        while (token != null && token.isComment()) {
            token = next();
        }
        return token;
    }

    private Token lineComment(int start) {
        int end = start + 2;
        while (end < limit && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        position = end;
        return new Token(Type.LINE_COMMENT, start, end, true, 0);
    }

    private Token blockComment(int start) {
        // PostgreSQL nests block comments, unlike the SQL standard's C-style ones
        int depth = 1;
        int i = start + 2;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < limit && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && i + 1 < limit && text.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    position = i;
                    return new Token(Type.BLOCK_COMMENT, start, i, true, 0);
                }
            } else {
                i++;
            }
        }
        position = limit;
        return new Token(Type.BLOCK_COMMENT, start, limit, false, 0);
    }

    /** A quote-delimited token whose token starts at {@code tokenStart} and whose quote is at {@code quote}. */
    private Token quoted(int tokenStart, int quote, char delimiter, Type type) {
        boolean backslashEscapes = type == Type.ESCAPE_STRING;
        int i = quote + 1;
        while (i < limit) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == delimiter) {
                if (i + 1 < limit && text.charAt(i + 1) == delimiter) {
                    i += 2; // a doubled delimiter stands for itself
                } else {
                    position = i + 1;
                    return new Token(type, tokenStart, position, true, 0, quote - tokenStart);
                }
            } else {
                i++;
            }
        }
        position = limit;
        return new Token(type, tokenStart, limit, false, 0, quote - tokenStart);
    }

    private Token dollar(int start) {
        int tagEnd = dollarTagEnd(start);
        if (tagEnd < 0) {
            int end = start + 1;
            // $1, $2: a positional parameter, not a quote
            while (end < limit && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            position = end;
            return new Token(Type.SYMBOL, start, end, true, 0);
        }
        int tagLength = tagEnd - start;
        String delimiter = text.substring(start, tagEnd);
        int close = text.indexOf(delimiter, tagEnd);
        if (close < 0 || close + tagLength > limit) {
            position = limit;
            return new Token(Type.DOLLAR_STRING, start, limit, false, tagLength);
        }
        position = close + tagLength;
        return new Token(Type.DOLLAR_STRING, start, position, true, tagLength);
    }

    /**
     * The end of a {@code $tag$} opening delimiter at {@code start}, or -1. The tag follows identifier
     * rules without {@code $}: it cannot start with a digit, so {@code $1} is a parameter.
     */
    private int dollarTagEnd(int start) {
        int i = start + 1;
        if (i < limit && text.charAt(i) == '$') {
            return i + 1;
        }
        if (i >= limit || !isIdentifierStart(text.charAt(i))) {
            return -1;
        }
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '$') {
                return i + 1;
            }
            if (!isIdentifierStart(c) && !(c >= '0' && c <= '9')) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private Token word(int start) {
        int end = start + 1;
        // identifiers may contain $ after the first char (a$b), so a $ here never opens a dollar quote
        while (end < limit && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        int length = end - start;
        char first = text.charAt(start);
        if (length == 1 && end < limit) {
            char next = text.charAt(end);
            if (next == '\'') {
                Type type = first == 'E' || first == 'e' ? Type.ESCAPE_STRING : Type.STRING;
                return quoted(start, end, '\'', type);
            }
            if ((first == 'U' || first == 'u') && next == '&' && end + 1 < limit) {
                char quote = text.charAt(end + 1);
                if (quote == '\'') {
                    return quoted(start, end + 1, '\'', Type.STRING);
                }
                if (quote == '"') {
                    return quoted(start, end + 1, '"', Type.QUOTED_IDENTIFIER);
                }
            }
        }
        position = end;
        return new Token(Type.WORD, start, end, true, 0);
    }

    /** PostgreSQL's whitespace: space, tab, newline, carriage return, form feed, vertical tab. */
    public static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Letters, underscore, and any non-ASCII char (PostgreSQL treats high-bit bytes as letters). */
    public static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** Identifier starts, digits and {@code $}. */
    public static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }
}
