package dev.refguard.split;

import java.util.regex.Pattern;

/**
 * Rewrites a MySQL or MariaDB script into the lexical form the rest of refguard reads (PostgreSQL's), char for
 * char: the result has the same length and every char keeps its offset, so lines and columns of findings are the
 * file's own. What changes:
 *
 * <ul>
 *   <li>{@code `name`} becomes {@code "name"} (a {@code "} inside it becomes {@code _}, a doubled backtick a
 *       {@code `} and a space is not needed: {@code ``} stays two chars, {@code `}{@code `} read as one name char);
 *   <li>a {@code #} comment becomes a {@code --} comment (its first char after {@code #} is given up);
 *   <li>in {@code '...'} and {@code "..."} strings, MySQL's backslash escapes are kept as text and an escaped quote
 *       ({@code \'}) becomes a doubled one ({@code ''}); a {@code "..."} string (MySQL's default, without
 *       {@code ANSI_QUOTES}) becomes a {@code '...'} string;
 *   <li>an executable comment {@code /*!40014 ... *}{@code /} (and MariaDB's {@code /*M!...}) is opened: mysqldump
 *       writes {@code SET FOREIGN_KEY_CHECKS=0} that way, and the server runs it;
 *   <li>a {@code DELIMITER xx} line (the {@code mysql} client's command, in dumps and trigger scripts) is blanked;
 *       up to the next {@code DELIMITER ;} the statements end at {@code xx}, which becomes {@code ;}, and the
 *       {@code ;} inside a routine's body become spaces, so a body is one statement;
 *   <li>a {@code $} outside quotes becomes {@code _}: MySQL has no dollar quotes, and {@code $} is a name char.
 * </ul>
 *
 * Linear, iterative, never throws; an unterminated quote or comment is left as it is, for the splitter to report.
 */
public final class MysqlLexis {
    /**
     * {@code FOREIGN_KEY_CHECKS = 0} being set (not {@code @@FOREIGN_KEY_CHECKS} being read); group 1 is the value.
     */
    public static final Pattern FOREIGN_KEY_CHECKS =
            Pattern.compile("(?i)(?<![@\\w])foreign_key_checks\\s*=\\s*(0|1|on|off|true|false)\\b");

    private MysqlLexis() {}

    /** The script {@code text} in PostgreSQL's lexical form, same length. */
    public static String toPostgres(String text) {
        char[] out = text.toCharArray();
        int n = out.length;
        String delimiter = ";";
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (lineStart) {
                int word = i;
                while (word < n && (text.charAt(word) == ' ' || text.charAt(word) == '\t')) {
                    word++;
                }
                if (text.regionMatches(true, word, "DELIMITER", 0, 9)
                        && word + 9 < n
                        && (text.charAt(word + 9) == ' ' || text.charAt(word + 9) == '\t')) {
                    int end = word + 9;
                    while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                        end++;
                    }
                    String value = text.substring(word + 9, end).strip();
                    if (!value.isEmpty() && !value.contains(" ")) {
                        delimiter = value;
                    }
                    for (int k = i; k < end; k++) {
                        out[k] = ' ';
                    }
                    i = end;
                    continue;
                }
            }
            lineStart = false;
            if (c == '\n' || c == '\r') {
                lineStart = true;
                i++;
                continue;
            }
            if (!delimiter.equals(";") && text.startsWith(delimiter, i)) {
                out[i] = ';';
                for (int k = 1; k < delimiter.length(); k++) {
                    out[i + k] = ' ';
                }
                i += delimiter.length();
                continue;
            }
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '#' || (c == '-' && next == '-')) {
                int end = i;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                if (c == '#') {
                    out[i] = end > i + 1 ? '-' : ' ';
                    if (end > i + 1) {
                        out[i + 1] = '-';
                    }
                }
                i = end;
                continue;
            }
            if (c == '/' && next == '*') {
                int body = i + 2;
                boolean executable = body < n && text.charAt(body) == '!'
                        || body + 1 < n && text.charAt(body) == 'M' && text.charAt(body + 1) == '!';
                int close = text.indexOf("*/", body);
                if (close < 0) {
                    return new String(out); // unterminated: the splitter reports it
                }
                if (executable) {
                    // /*!40014 SET ... */ runs: open it, keep its body
                    int k = i;
                    while (k < close && text.charAt(k) != '!') {
                        out[k++] = ' ';
                    }
                    out[k++] = ' ';
                    while (k < close && Character.isDigit(text.charAt(k))) {
                        out[k++] = ' ';
                    }
                    out[close] = ' ';
                    out[close + 1] = ' ';
                    i = k;
                    continue;
                }
                // MySQL's block comments do not nest: an inner /* must not open one for PostgreSQL's lexer
                for (int k = body; k < close; k++) {
                    if (text.charAt(k) == '/' && k + 1 < close && text.charAt(k + 1) == '*') {
                        out[k] = ' ';
                    }
                }
                i = close + 2;
                continue;
            }
            if (c == '`') {
                int k = i + 1;
                while (k < n) {
                    char q = text.charAt(k);
                    if (q == '`') {
                        if (k + 1 < n && text.charAt(k + 1) == '`') {
                            k += 2;
                            continue;
                        }
                        break;
                    }
                    if (q == '"') {
                        out[k] = '_';
                    }
                    k++;
                }
                if (k >= n) {
                    return new String(out);
                }
                out[i] = '"';
                out[k] = '"';
                i = k + 1;
                continue;
            }
            if (c == '\'' || c == '"') {
                int k = i + 1;
                while (k < n) {
                    char q = text.charAt(k);
                    if (q == '\\' && k + 1 < n) {
                        if (text.charAt(k + 1) == '\'' || text.charAt(k + 1) == '"') {
                            out[k] = text.charAt(k + 1) == '\'' ? '\'' : '"';
                        }
                        k += 2;
                        continue;
                    }
                    if (q == c) {
                        if (k + 1 < n && text.charAt(k + 1) == c) {
                            k += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '"' && q == '\'') {
                        out[k] = '"';
                    }
                    k++;
                }
                if (k >= n) {
                    return new String(out);
                }
                if (c == '"') {
                    out[i] = '\'';
                    out[k] = '\'';
                    // a doubled "" inside stays "" (two chars of text in a PostgreSQL string)
                }
                i = k + 1;
                continue;
            }
            if (c == ';' && !delimiter.equals(";")) {
                out[i] = ' ';
                i++;
                continue;
            }
            if (c == '$') {
                out[i] = '_';
            }
            i++;
        }
        return new String(out);
    }
}
