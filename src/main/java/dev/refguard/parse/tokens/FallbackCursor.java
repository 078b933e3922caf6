package dev.refguard.parse.tokens;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.QualifiedName;
import dev.refguard.split.DdlWords;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A position in a statement's tokens, bounded to a range (the whole statement, one element of a
 * column list, one ALTER TABLE action). Tokens are scanned lazily and shared by all cursors over the
 * same statement, so a reader that stops after three tokens scans only those, however long the
 * statement is. Nothing here recurses; a read that does not fit raises {@link FallbackSyntaxException},
 * which {@link FallbackReader} turns into "cannot read".
 */
final class FallbackCursor {
    private final Tokens tokens;
    private final int end;
    private int pos;

    private FallbackCursor(Tokens tokens, int pos, int end) {
        this.tokens = tokens;
        this.pos = pos;
        this.end = end;
    }

    /** A cursor over every token of {@code text}. */
    static FallbackCursor over(String text, int line, int column) {
        return new FallbackCursor(new Tokens(new SqlTokenizer(text, line, column)), 0, Integer.MAX_VALUE);
    }

    /** The token {@code ahead} places further on, or {@code null} past the end of the range. */
    SqlToken peek(int ahead) {
        int at = pos + ahead;
        return at < end ? tokens.get(at) : null;
    }

    SqlToken peek() {
        return peek(0);
    }

    boolean atEnd() {
        return peek() == null;
    }

    /** Consumes and returns the next token; there must be one. */
    SqlToken next() {
        SqlToken token = peek();
        if (token == null) {
            throw new FallbackSyntaxException("unexpected end of statement");
        }
        pos++;
        return token;
    }

    /** Consumes {@code count} tokens; there must be as many. */
    void skip(int count) {
        for (int i = 0; i < count; i++) {
            next();
        }
    }

    /**
     * The tokens from here on as {@link DdlWords} reads them, counted from here: an unquoted word upper-cased, a
     * punctuation mark or operator as written, {@code null} for anything else and past the end. This cursor does not
     * move.
     */
    DdlWords.Words words() {
        int from = pos;
        return i -> {
            int at = from + i;
            if (i < 0 || at >= end) {
                return null;
            }
            SqlToken token = tokens.get(at);
            if (token == null) {
                return null; // past the end of the text (the tokens are read lazily)
            }
            return switch (token.type()) {
                case WORD -> DdlWords.upper(token.text());
                case PUNCTUATION, OPERATOR -> token.text();
                default -> null;
            };
        };
    }

    /** Fails unless the whole range has been read. */
    void expectEnd() {
        SqlToken token = peek();
        if (token != null) {
            throw new FallbackSyntaxException("unexpected '" + token.text() + "'");
        }
    }

    boolean peekWord(String keyword) {
        return peekWord(0, keyword);
    }

    boolean peekWord(int ahead, String keyword) {
        SqlToken token = peek(ahead);
        return token != null && token.isWord(keyword);
    }

    /** Whether the next tokens are the keywords {@code keywords}, in order. */
    boolean peekWords(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!peekWord(i, keywords[i])) {
                return false;
            }
        }
        return true;
    }

    boolean acceptWord(String keyword) {
        if (peekWord(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the keywords {@code keywords} if all of them follow, in order; else consumes nothing. */
    boolean acceptWords(String... keywords) {
        if (peekWords(keywords)) {
            pos += keywords.length;
            return true;
        }
        return false;
    }

    SqlToken expectWord(String keyword) {
        SqlToken token = peek();
        if (token == null || !token.isWord(keyword)) {
            throw new FallbackSyntaxException("expected " + keyword);
        }
        pos++;
        return token;
    }

    /** Consumes one of {@code keywords} and returns it in upper case, or fails. */
    String expectOneOf(String... keywords) {
        SqlToken token = peek();
        if (token != null) {
            for (String keyword : keywords) {
                if (token.isWord(keyword)) {
                    pos++;
                    return keyword;
                }
            }
        }
        throw new FallbackSyntaxException("expected one of " + String.join(", ", keywords));
    }

    boolean peekSymbol(String symbol) {
        SqlToken token = peek();
        return token != null && token.is(symbol);
    }

    boolean acceptSymbol(String symbol) {
        if (peekSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    /** An unquoted or quoted identifier. */
    Identifier identifier() {
        SqlToken token = peek();
        if (token == null || !token.isName()) {
            throw new FallbackSyntaxException("expected a name");
        }
        pos++;
        return token.identifier();
    }

    /**
     * A name with an optional schema ({@code schema.table}); a leading database part
     * ({@code db.schema.table}) is accepted and dropped, as PostgreSQL only allows the current database.
     */
    QualifiedName qualifiedName() {
        Identifier first = identifier();
        Identifier second = null;
        Identifier third = null;
        if (acceptDotName()) {
            second = tokens.get(pos - 1).identifier();
            if (acceptDotName()) {
                third = tokens.get(pos - 1).identifier();
            }
        }
        if (third != null) {
            return new QualifiedName(second, third);
        }
        return second != null ? new QualifiedName(first, second) : QualifiedName.of(first);
    }

    private boolean acceptDotName() {
        SqlToken dot = peek();
        SqlToken name = peek(1);
        if (dot != null && dot.is(".") && name != null && name.isName()) {
            pos += 2;
            return true;
        }
        return false;
    }

    /** Skips a parenthesised (or bracketed) group starting at the next token. */
    void skipGroup() {
        SqlToken open = peek();
        if (open == null || !(open.is("(") || open.is("["))) {
            throw new FallbackSyntaxException("expected (");
        }
        int depth = 0;
        do {
            SqlToken token = next();
            depth += depthChange(token);
        } while (depth > 0);
    }

    /**
     * The comma-separated items of the parenthesised list that starts at the next token, each as a
     * cursor over its own tokens; the cursor moves past the closing parenthesis. {@code ()} gives no
     * items.
     */
    List<FallbackCursor> parenthesised() {
        if (!peekSymbol("(")) {
            throw new FallbackSyntaxException("expected (");
        }
        pos++;
        return items(true);
    }

    /** The rest of the range split at top-level commas; fails on unbalanced parentheses. */
    List<FallbackCursor> commaSeparatedRest() {
        return items(false);
    }

    /**
     * Splits at top-level commas up to the {@code )} that closes a list ({@code closed}) or to the end of
     * the range, each item a cursor over its own tokens.
     */
    private List<FallbackCursor> items(boolean closed) {
        List<FallbackCursor> items = new ArrayList<>();
        int itemStart = pos;
        int depth = 0;
        while (closed || !atEnd()) {
            SqlToken token = next();
            if (closed && depth == 0 && token.is(")")) {
                if (pos - 1 > itemStart || !items.isEmpty()) {
                    items.add(new FallbackCursor(tokens, itemStart, pos - 1));
                }
                return items;
            }
            if (depth == 0 && token.is(",")) {
                items.add(new FallbackCursor(tokens, itemStart, pos - 1));
                itemStart = pos;
                continue;
            }
            depth += depthChange(token);
            if (depth < 0) {
                // inside a list a ) at depth 0 closes it, so only a ] can go below
                throw new FallbackSyntaxException(closed ? "unbalanced ]" : "unbalanced )");
            }
        }
        if (depth != 0) {
            throw new FallbackSyntaxException("unbalanced (");
        }
        items.add(new FallbackCursor(tokens, itemStart, pos));
        return items;
    }

    /** A cursor over the rest of this range; this one does not move. */
    FallbackCursor rest() {
        return new FallbackCursor(tokens, pos, end);
    }

    /**
     * The rest of the range cut before each top-level token that {@code starts} accepts (the first piece
     * starts here), each piece a cursor over its own tokens; this cursor moves to the end. Fails on
     * unbalanced parentheses.
     */
    List<FallbackCursor> splitBefore(Predicate<SqlToken> starts) {
        List<FallbackCursor> pieces = new ArrayList<>();
        int pieceStart = pos;
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = peek();
            if (depth == 0 && pos > pieceStart && starts.test(token)) {
                pieces.add(new FallbackCursor(tokens, pieceStart, pos));
                pieceStart = pos;
            }
            depth += depthChange(token);
            if (depth < 0) {
                throw new FallbackSyntaxException("unbalanced )");
            }
            pos++;
        }
        if (depth != 0) {
            throw new FallbackSyntaxException("unbalanced (");
        }
        if (pos > pieceStart) {
            pieces.add(new FallbackCursor(tokens, pieceStart, pos));
        }
        return pieces;
    }

    /** {@code CASCADE} or {@code RESTRICT} (the default) after a DROP; whether it was CASCADE. */
    boolean acceptDropBehaviour() {
        boolean cascade = acceptWord("CASCADE");
        if (!cascade) {
            acceptWord("RESTRICT");
        }
        return cascade;
    }

    /**
     * Consumes tokens up to (not including) the first top-level token that {@code stop} accepts, or
     * to the end of the range, and returns them as written (one space where the source had any gap).
     * At least {@code minimum} tokens are taken before {@code stop} is consulted. Fails on
     * unbalanced parentheses.
     */
    String textUntil(Predicate<SqlToken> stop, int minimum) {
        int from = pos;
        int depth = 0;
        int taken = 0;
        while (!atEnd()) {
            SqlToken token = peek();
            if (depth == 0 && taken >= minimum && stop.test(token)) {
                break;
            }
            depth += depthChange(token);
            if (depth < 0) {
                throw new FallbackSyntaxException("unbalanced )");
            }
            pos++;
            taken++;
        }
        if (depth != 0) {
            throw new FallbackSyntaxException("unbalanced (");
        }
        return tokens.join(from, pos);
    }

    /**
     * Moves to the first top-level token that {@code stop} accepts and returns {@code true}, or to the
     * end of the range and returns {@code false}. Fails on a parenthesis that closes what was not
     * opened, or one still open at the end.
     */
    boolean seek(Predicate<SqlToken> stop) {
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = peek();
            if (depth == 0 && stop.test(token)) {
                return true;
            }
            depth += depthChange(token);
            if (depth < 0) {
                throw new FallbackSyntaxException("unbalanced )");
            }
            pos++;
        }
        if (depth != 0) {
            throw new FallbackSyntaxException("unbalanced (");
        }
        return false;
    }

    /** Skips the rest of the range, which must have balanced parentheses. */
    void skipRest() {
        seek(t -> false);
    }

    private static int depthChange(SqlToken token) {
        if (token.is("(") || token.is("[")) {
            return 1;
        }
        if (token.is(")") || token.is("]")) {
            return -1;
        }
        return 0;
    }

    /** The statement's tokens, scanned as far as some cursor has looked. */
    private static final class Tokens {
        private final SqlTokenizer tokenizer;
        private final List<SqlToken> scanned = new ArrayList<>();
        private boolean exhausted;

        Tokens(SqlTokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        SqlToken get(int index) {
            while (!exhausted && scanned.size() <= index) {
                SqlToken token = tokenizer.next();
                if (token == null) {
                    exhausted = true;
                } else {
                    scanned.add(token);
                }
            }
            return index < scanned.size() ? scanned.get(index) : null;
        }

        /** Tokens {@code from} (inclusive) to {@code to} (exclusive) as written, gaps as one space. */
        String join(int from, int to) {
            StringBuilder out = new StringBuilder();
            SqlToken previous = null;
            for (int i = from; i < to; i++) {
                SqlToken token = scanned.get(i);
                if (previous != null && token.start() > previous.end()) {
                    out.append(' ');
                }
                out.append(token.text());
                previous = token;
            }
            return out.toString();
        }
    }

    /** Raised when the tokens do not fit the form being read; never leaves {@link FallbackReader}. */
    static final class FallbackSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FallbackSyntaxException(String message) {
            super(message, null, false, false);
        }
    }
}
