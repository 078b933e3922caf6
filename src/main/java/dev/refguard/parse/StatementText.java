package dev.refguard.parse;

import dev.refguard.split.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of one statement, cut into just enough tokens to find where names and clauses stand, and
 * a translation of statement offsets (and JSqlParser's statement-relative line/column) into file
 * positions.
 *
 * <p>The tokens follow PostgreSQL's lexical rules where they matter for finding things: comments
 * ({@code --}, nested {@code /* *}{@code /}), single-quoted and {@code E''} strings, quoted
 * identifiers with {@code ""} escapes, and dollar quotes are single tokens or skipped, so a keyword
 * inside them is never found. Anything unterminated runs to the end of the text; nothing here throws
 * on any input.
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
                int close = text.length() > 1 && text.endsWith("\"") ? text.length() - 1 : text.length();
                return Identifier.quoted(text.substring(1, close).replace("\"\"", "\""));
            }
            return Identifier.of(text);
        }
    }

    private final String text;
    private final int line;
    private final int column;
    private final int[] lineStarts;
    private final List<Token> tokens;

    private StatementText(String text, int line, int column) {
        this.text = text;
        this.line = line;
        this.column = column;
        this.lineStarts = lineStarts(text);
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
        int index = Arrays.binarySearch(lineStarts, clamped);
        int lineIndex = index >= 0 ? index : -index - 2;
        return fromRelative(lineIndex + 1, clamped - lineStarts[lineIndex] + 1);
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
        if (relativeLine < 1 || relativeLine > lineStarts.length || relativeColumn < 1) {
            return -1;
        }
        int lineStart = lineStarts[relativeLine - 1];
        int lineEnd = relativeLine < lineStarts.length ? lineStarts[relativeLine] : text.length();
        int offset = lineStart + relativeColumn - 1;
        return offset < lineEnd ? offset : -1;
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
        // the first line of the statement starts mid-line in the file; later lines start at column 1
        return relativeLine == 1
                ? new SourcePosition(line, column + relativeColumn - 1)
                : new SourcePosition(line + relativeLine - 1, relativeColumn);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = skipBlockComment(s, i);
            } else if (c == '\'') {
                int end = skipString(s, i, false);
                out.add(new Token(Kind.STRING, s.substring(i, end), i, end, depth));
                i = end;
            } else if ((c == 'e' || c == 'E') && i + 1 < n && s.charAt(i + 1) == '\'' && !continuesWord(out, i)) {
                // E'...' takes backslash escapes, so \' does not end it
                int end = skipString(s, i + 1, true);
                out.add(new Token(Kind.STRING, s.substring(i, end), i, end, depth));
                i = end;
            } else if (c == '"') {
                int end = skipQuoted(s, i);
                out.add(new Token(Kind.QUOTED_NAME, s.substring(i, end), i, end, depth));
                i = end;
            } else if (c == '$' && dollarTagEnd(s, i) > 0) {
                int tagEnd = dollarTagEnd(s, i);
                String tag = s.substring(i, tagEnd);
                int close = s.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                out.add(new Token(Kind.STRING, s.substring(i, end), i, end, depth));
                i = end;
            } else if (isWordStart(c)) {
                int end = i + 1;
                while (end < n && isWordPart(s.charAt(end))) {
                    end++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, end), i, end, depth));
                i = end;
            } else {
                if (c == ')' || c == ']') {
                    depth = Math.max(0, depth - 1);
                }
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1, depth));
                if (c == '(' || c == '[') {
                    depth++;
                }
                i++;
            }
        }
        return List.copyOf(out);
    }

    private static boolean continuesWord(List<Token> out, int i) {
        return !out.isEmpty()
                && out.get(out.size() - 1).end() == i
                && out.get(out.size() - 1).kind() == Kind.WORD;
    }

    private static int skipBlockComment(String s, int i) {
        // PostgreSQL block comments nest
        int level = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("/*", i)) {
                level++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                level--;
                i += 2;
                if (level == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int skipString(String s, int quote, boolean backslashEscapes) {
        int i = quote + 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < n && s.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int skipQuoted(String s, int quote) {
        int i = quote + 1;
        int n = s.length();
        while (i < n) {
            if (s.charAt(i) == '"') {
                if (i + 1 < n && s.charAt(i + 1) == '"') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** The end of a dollar-quote tag ({@code $$} or {@code $tag$}) starting at {@code i}, or -1. */
    private static int dollarTagEnd(String s, int i) {
        int j = i + 1;
        if (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80 && !Character.isWhitespace(c);
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || c == '$';
    }
}
