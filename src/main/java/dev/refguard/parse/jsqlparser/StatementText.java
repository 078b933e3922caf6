package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.SourcePosition;
import dev.refguard.split.DdlWords;
import dev.refguard.split.LineIndex;
import dev.refguard.split.SqlLexer;
import dev.refguard.split.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one statement, cut into just enough tokens to find where names and clauses stand, and
 * a translation of statement offsets (and JSqlParser's statement-relative line/column) into file
 * positions.
 *
 * <p>The tokens are {@link SqlLexer}'s, so they follow PostgreSQL's lexical rules where they matter
 * for finding things: comments are skipped, and strings, quoted identifiers and dollar quotes are
 * single tokens, so a keyword inside them is never found. Anything unterminated runs to the end of the
 * text; nothing here throws on any input. Lines end at {@code \n}, {@code \r\n} and a lone {@code
 * \r}, and a tab is one column, as JSqlParser counts them.
 */
final class StatementText {

    /** What a token is. */
    enum Kind {
        /** A keyword, an unquoted identifier, or a number. */
        WORD,
        /** A double-quoted identifier, quotes included. */
        QUOTED_NAME,
        /** A string constant of any form (standard, {@code E''}, dollar-quoted). */
        STRING,
        /** Any other single character: parentheses, commas, dots, operators. */
        SYMBOL
    }

    /**
     * One token.
     *
     * @param kind what it is
     * @param text its text as written
     * @param start offset of its first character in the statement text
     * @param end offset just past its last character
     * @param depth how many parentheses or brackets enclose it (an opening or closing one itself has
     *     the depth of what surrounds it)
     */
    record Token(Kind kind, String text, int start, int end, int depth) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.charAt(0) == c;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }

        /** The identifier this token spells: quotes removed and {@code ""} collapsed when quoted. */
        Identifier identifier() {
            if (kind == Kind.QUOTED_NAME) {
                String problem = DdlWords.quotedNameProblem(text);
                if (problem != null) {
                    throw AstMapper.unreadable(problem);
                }
                return Identifier.quoted(DdlWords.unquote(text));
            }
            return Identifier.of(text);
        }
    }

    private final String text;
    private final int line;
    private final int column;
    private final LineIndex lines;
    private final List<Token> tokens;

    private StatementText(String text, int line, int column) {
        this.text = text;
        this.line = line;
        this.column = column;
        this.lines = LineIndex.of(text, false);
        this.tokens = tokenize(text);
    }

    /** The text of {@code statement}, with its place in the file. */
    static StatementText of(SqlStatement statement) {
        return new StatementText(statement.text(), statement.line(), statement.column());
    }

    /** Text that stands at line 1, column 1 (for cutting up names that are not in a file). */
    static StatementText detached(String text) {
        return new StatementText(text, 1, 1);
    }

    String text() {
        return text;
    }

    List<Token> tokens() {
        return tokens;
    }

    /** The file position of the first character of the statement. */
    SourcePosition start() {
        return new SourcePosition(line, column);
    }

    /** The file position of {@code offset} in the statement text, clamped into the statement. */
    SourcePosition position(int offset) {
        int clamped = Math.max(0, Math.min(offset, Math.max(0, text.length() - 1)));
        return fromRelative(lines.lineOf(clamped), lines.columnOf(clamped));
    }

    /** The file position where {@code token} starts. */
    SourcePosition position(Token token) {
        return position(token.start());
    }

    /**
     * The offset of a statement-relative line and column as JSqlParser reports them (1-based; a tab is
     * one column, and {@code \n}, {@code \r\n} and a lone {@code \r} each end a line), or -1 when that
     * place is not in the text.
     */
    int offset(int relativeLine, int relativeColumn) {
        if (relativeLine < 1 || relativeLine > lines.physicalLines() || relativeColumn < 1) {
            return -1;
        }
        int offset = lines.lineStart(relativeLine) + relativeColumn - 1;
        return offset < lines.nextLineStart(relativeLine) ? offset : -1;
    }

    /**
     * The offset of the {@code nth} (0-based) occurrence of {@code keyword} as a word outside strings,
     * quoted names and comments, or -1.
     */
    int findKeyword(String keyword, int nth) {
        int seen = 0;
        for (Token token : tokens) {
            if (token.isWord(keyword) && seen++ == nth) {
                return token.start();
            }
        }
        return -1;
    }

    /** The index of the token that starts at {@code offset}, or -1. */
    int tokenAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() == offset) {
                return i;
            }
        }
        return -1;
    }

    /** The text between two offsets. */
    String slice(int start, int end) {
        return text.substring(start, end);
    }

    private SourcePosition fromRelative(int relativeLine, int relativeColumn) {
        return SourcePosition.inStatement(line, column, relativeLine, relativeColumn);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        SqlLexer lexer = new SqlLexer(s);
        for (SqlLexer.Token token = lexer.nextSignificant(); token != null; token = lexer.nextSignificant()) {
            if (token.end() > token.start() + 1
                    && s.charAt(token.start()) == '$'
                    && token.type() == SqlLexer.Type.SYMBOL) {
                // a $1 parameter is a $ and the word that follows it (1, or 1abc, or 1$x): lex on after that
                out.add(new Token(Kind.SYMBOL, "$", token.start(), token.start() + 1, depth));
                int wordEnd = token.start() + 1;
                while (wordEnd < s.length() && isWordPart(s.charAt(wordEnd))) {
                    wordEnd++;
                }
                addWords(out, s, token.start() + 1, wordEnd, depth);
                lexer.moveTo(wordEnd);
                continue;
            }
            int start = token.start();
            int end = token.end();
            switch (token.type()) {
                case WORD, NUMBER -> addWords(out, s, start, end, depth);
                case ESCAPE_STRING, DOLLAR_STRING ->
                    out.add(new Token(Kind.STRING, s.substring(start, end), start, end, depth));
                case STRING, QUOTED_IDENTIFIER -> {
                    // only E'' is one token here: a B, X, N or U& prefix stays a word (and an &) of its own
                    int quote = start + token.prefixLength();
                    addWords(out, s, start, quote, depth);
                    Kind kind = token.type() == SqlLexer.Type.STRING ? Kind.STRING : Kind.QUOTED_NAME;
                    out.add(new Token(kind, s.substring(quote, end), quote, end, depth));
                }
                default -> {
                    // a lone symbol, which may open or close a nesting
                    char c = s.charAt(start);
                    if (c == ')' || c == ']') {
                        depth = Math.max(0, depth - 1);
                    }
                    if (!Character.isWhitespace(c)) {
                        out.add(new Token(Kind.SYMBOL, String.valueOf(c), start, start + 1, depth));
                    }
                    if (c == '(' || c == '[') {
                        depth++;
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Adds the words of {@code [from, to)}, a run of identifier chars and dots: a dot is a symbol of its
     * own (so {@code 1.5} is {@code 1 . 5}), and Unicode whitespace, which PostgreSQL would take as part
     * of a name, separates words.
     */
    private static void addWords(List<Token> out, String s, int from, int to, int depth) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (isWordPart(c)) {
                int wordEnd = i + 1;
                while (wordEnd < to && isWordPart(s.charAt(wordEnd))) {
                    wordEnd++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, wordEnd), i, wordEnd, depth));
                i = wordEnd;
            } else {
                if (!Character.isWhitespace(c)) {
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1, depth));
                }
                i++;
            }
        }
    }

    private static boolean isWordPart(char c) {
        return SqlLexer.isIdentifierPart(c) && !Character.isWhitespace(c);
    }
}
