package dev.refguard.parse;

/**
 * A PostgreSQL scanner over one statement's text that hands out tokens on demand, each with its file
 * position. One forward pass, no recursion, no backtracking: every character is looked at a bounded
 * number of times, and text that never ends (an unterminated quote or comment) simply ends at the end
 * of the statement. It never throws on any input.
 *
 * <p>Lexical rules followed (PostgreSQL's scan.l): {@code --} and nested {@code /* *}{@code /}
 * comments; {@code '...'} with {@code ''}; {@code E'...'} with backslash escapes; {@code B'}, {@code
 * X'}, {@code N'}, {@code U&'} strings; {@code "..."} identifiers with {@code ""}; {@code $tag$...$tag$}
 * dollar quotes; identifiers that start with a letter, {@code _} or any non-ASCII character and go on
 * with letters, digits, {@code _} and {@code $}.
 */
final class SqlTokenizer {
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String text;
    private final int length;
    private final int statementLine;
    private final int statementColumn;
    private int index;

    // line tracking moves forward only, so positions cost linear time overall
    private int lineScan;
    private int relativeLine = 1;
    private int lineStart;

    SqlTokenizer(String text, int statementLine, int statementColumn) {
        this.text = text == null ? "" : text;
        this.length = this.text.length();
        this.statementLine = statementLine;
        this.statementColumn = statementColumn;
    }

    /** The next token, or {@code null} at the end of the text. */
    SqlToken next() {
        skipSpaceAndComments();
        if (index >= length) {
            return null;
        }
        int start = index;
        char c = text.charAt(index);
        if (isIdentifierStart(c)) {
            char next = charAt(index + 1);
            if ((c == 'E' || c == 'e') && next == '\'') {
                index++;
                return string(start, true);
            }
            if ((c == 'U' || c == 'u') && next == '&' && charAt(index + 2) == '\'') {
                index += 2;
                return string(start, false);
            }
            if ((c == 'U' || c == 'u') && next == '&' && charAt(index + 2) == '"') {
                index += 2;
                return quotedIdentifier(start);
            }
            if ("BbXxNn".indexOf(c) >= 0 && next == '\'') {
                index++;
                return string(start, false);
            }
            return word(start);
        }
        if (c == '\'') {
            return string(start, false);
        }
        if (c == '"') {
            return quotedIdentifier(start);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(charAt(index + 1)))) {
            return number(start);
        }
        if (c == ':' && charAt(index + 1) == ':') {
            index += 2;
            return token(SqlToken.Type.OPERATOR, start, null);
        }
        if ("()[],;.:".indexOf(c) >= 0) {
            index++;
            return token(SqlToken.Type.PUNCTUATION, start, null);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            index++;
            while (index < length && OPERATOR_CHARS.indexOf(text.charAt(index)) >= 0 && !commentStartsAt(index)) {
                index++;
            }
            return token(SqlToken.Type.OPERATOR, start, null);
        }
        index++;
        return token(SqlToken.Type.OTHER, start, null);
    }

    private void skipSpaceAndComments() {
        while (index < length) {
            char c = text.charAt(index);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                index++;
            } else if (c == '-' && charAt(index + 1) == '-') {
                while (index < length && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
                    index++;
                }
            } else if (c == '/' && charAt(index + 1) == '*') {
                // PostgreSQL block comments nest
                int depth = 1;
                index += 2;
                while (index < length && depth > 0) {
                    if (text.charAt(index) == '/' && charAt(index + 1) == '*') {
                        depth++;
                        index += 2;
                    } else if (text.charAt(index) == '*' && charAt(index + 1) == '/') {
                        depth--;
                        index += 2;
                    } else {
                        index++;
                    }
                }
            } else {
                return;
            }
        }
    }

    private boolean commentStartsAt(int at) {
        char c = text.charAt(at);
        char next = charAt(at + 1);
        return (c == '-' && next == '-') || (c == '/' && next == '*');
    }

    private SqlToken word(int start) {
        index++;
        while (index < length && isIdentifierPart(text.charAt(index))) {
            index++;
        }
        return token(SqlToken.Type.WORD, start, text.substring(start, index));
    }

    /** A string starting at the quote under {@code index}; {@code escapes} for E'' strings. */
    private SqlToken string(int start, boolean escapes) {
        index++; // opening quote
        StringBuilder value = new StringBuilder();
        while (index < length) {
            char c = text.charAt(index);
            if (escapes && c == '\\') {
                if (index + 1 < length) {
                    value.append(unescape(text.charAt(index + 1)));
                }
                index += 2;
            } else if (c == '\'') {
                if (charAt(index + 1) == '\'') {
                    value.append('\'');
                    index += 2;
                } else {
                    index++;
                    break;
                }
            } else {
                value.append(c);
                index++;
            }
        }
        index = Math.min(index, length);
        return token(SqlToken.Type.STRING, start, value.toString());
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

    private SqlToken quotedIdentifier(int start) {
        index++; // opening quote
        StringBuilder value = new StringBuilder();
        while (index < length) {
            char c = text.charAt(index);
            if (c == '"') {
                if (charAt(index + 1) == '"') {
                    value.append('"');
                    index += 2;
                } else {
                    index++;
                    break;
                }
            } else {
                value.append(c);
                index++;
            }
        }
        return token(SqlToken.Type.QUOTED_IDENTIFIER, start, value.toString());
    }

    private SqlToken dollar(int start) {
        if (isDigit(charAt(index + 1))) {
            index++;
            while (index < length && isDigit(text.charAt(index))) {
                index++;
            }
            return token(SqlToken.Type.PARAMETER, start, null);
        }
        int tagEnd = index + 1;
        if (isIdentifierStart(charAt(tagEnd))) {
            while (isIdentifierStart(charAt(tagEnd)) || isDigit(charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (charAt(tagEnd) != '$') {
            index++;
            return token(SqlToken.Type.OTHER, start, null);
        }
        String tag = text.substring(index, tagEnd + 1);
        int bodyStart = tagEnd + 1;
        int close = text.indexOf(tag, bodyStart);
        String body;
        if (close < 0) {
            body = text.substring(bodyStart);
            index = length;
        } else {
            body = text.substring(bodyStart, close);
            index = close + tag.length();
        }
        return token(SqlToken.Type.STRING, start, body);
    }

    private SqlToken number(int start) {
        char first = text.charAt(index);
        char radix = charAt(index + 1);
        if (first == '0' && "xXoObB".indexOf(radix) >= 0 && isIdentifierPart(charAt(index + 2))) {
            index += 2;
            while (index < length && isIdentifierPart(text.charAt(index)) && text.charAt(index) != '$') {
                index++;
            }
            return token(SqlToken.Type.NUMBER, start, null);
        }
        skipDigits();
        if (charAt(index) == '.' && charAt(index + 1) != '.') {
            index++;
            skipDigits();
        }
        char e = charAt(index);
        if (e == 'e' || e == 'E') {
            char sign = charAt(index + 1);
            if (isDigit(sign)) {
                index++;
                skipDigits();
            } else if ((sign == '+' || sign == '-') && isDigit(charAt(index + 2))) {
                index += 2;
                skipDigits();
            }
        }
        return token(SqlToken.Type.NUMBER, start, null);
    }

    private void skipDigits() {
        while (index < length && (isDigit(text.charAt(index)) || text.charAt(index) == '_')) {
            index++;
        }
    }

    private SqlToken token(SqlToken.Type type, int start, String value) {
        String raw = text.substring(start, index);
        return new SqlToken(type, raw, value == null ? raw : value, start, index, positionOf(start));
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
        int relativeColumn = offset - lineStart + 1;
        return relativeLine == 1
                ? new SourcePosition(statementLine, statementColumn + relativeColumn - 1)
                : new SourcePosition(statementLine + relativeLine - 1, relativeColumn);
    }

    private char charAt(int at) {
        return at < length ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }
}
