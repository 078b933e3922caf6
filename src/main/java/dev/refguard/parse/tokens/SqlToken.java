package dev.refguard.parse.tokens;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.SourcePosition;

/**
 * One lexical token of a statement, as PostgreSQL's scanner would cut it.
 *
 * @param type what kind of token it is
 * @param text the token exactly as written in the statement (quotes and prefixes included)
 * @param value for identifiers the name (quotes removed, {@code ""} collapsed), for strings their
 *     content (escapes resolved, dollar quotes removed); otherwise the text
 * @param start offset of the first character in the statement text
 * @param end offset just past the last character in the statement text
 * @param position where the token starts in the file
 */
record SqlToken(Type type, String text, String value, int start, int end, SourcePosition position) {

    /** Token kinds; keywords are {@link #WORD}s, since PostgreSQL accepts many of them as names. */
    enum Type {
        /** An unquoted identifier or keyword. */
        WORD,
        /** A {@code "double-quoted"} (or {@code U&"..."}) identifier. */
        QUOTED_IDENTIFIER,
        /** A {@code '...'}, {@code E'...'}, {@code B'...'}, {@code X'...'}, {@code U&'...'} or {@code $tag$...$tag$} string. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** A positional parameter such as {@code $1}. */
        PARAMETER,
        /** An operator: a run of PostgreSQL operator characters, or {@code ::}. */
        OPERATOR,
        /** One of {@code ( ) [ ] , ; . :}. */
        PUNCTUATION,
        /** Any other character (PostgreSQL would reject it). */
        OTHER
    }

    /** Whether this is the unquoted keyword {@code keyword} (case-insensitive); quoted names never are. */
    boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Whether this is the punctuation or operator {@code symbol}. */
    boolean is(String symbol) {
        return (type == Type.PUNCTUATION || type == Type.OPERATOR) && text.equals(symbol);
    }

    /** Whether this token can be a name: an unquoted word or a quoted identifier. */
    boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    /** This token as an identifier; only meaningful when {@link #isName()}. */
    Identifier identifier() {
        return type == Type.QUOTED_IDENTIFIER ? Identifier.quoted(value) : Identifier.of(value);
    }
}
