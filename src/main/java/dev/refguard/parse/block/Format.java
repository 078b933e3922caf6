package dev.refguard.parse.block;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code format()} for literal arguments: {@code %s} as is, {@code %I} quoted as an identifier
 * when it needs quotes, {@code %L} as a string literal, {@code %%}, and positions ({@code %2$I}).
 */
final class Format {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** PostgreSQL's reserved key words, which {@code quote_ident} quotes even when they are lower case. */
    private static final Set<String> RESERVED = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "both",
            "case",
            "cast",
            "check",
            "collate",
            "column",
            "constraint",
            "create",
            "current_catalog",
            "current_date",
            "current_role",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "grant",
            "group",
            "having",
            "in",
            "initially",
            "intersect",
            "into",
            "lateral",
            "leading",
            "limit",
            "localtime",
            "localtimestamp",
            "not",
            "null",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "placing",
            "primary",
            "references",
            "returning",
            "select",
            "session_user",
            "some",
            "symmetric",
            "system_user",
            "table",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "variadic",
            "when",
            "where",
            "window",
            "with");

    private Format() {}

    /** The string {@code format(template, args...)} returns, or {@code null} for a form not handled. */
    static String apply(String template, List<String> args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= template.length()) {
                return null;
            }
            int j = i + 1;
            int position = -1;
            int digits = j;
            while (digits < template.length() && Character.isDigit(template.charAt(digits))) {
                digits++;
            }
            if (digits > j && digits < template.length() && template.charAt(digits) == '$') {
                position = Integer.parseInt(template.substring(j, Math.min(digits, j + 6))) - 1;
                j = digits + 1;
            }
            if (j >= template.length()) {
                return null;
            }
            char type = template.charAt(j);
            if (type == '%') {
                out.append('%');
                i = j;
                continue;
            }
            int index = position >= 0 ? position : next;
            if (index < 0 || index >= args.size()) {
                return null;
            }
            next = index + 1;
            String value = args.get(index);
            switch (type) {
                case 's' -> out.append(value);
                case 'I' -> out.append(quoteIdent(value));
                case 'L' -> out.append('\'').append(value.replace("'", "''")).append('\'');
                default -> {
                    return null;
                }
            }
            i = j;
        }
        return out.toString();
    }

    /** {@code quote_ident}: as is when it reads back unchanged, else in double quotes. */
    static String quoteIdent(String value) {
        if (PLAIN_IDENTIFIER.matcher(value).matches() && !RESERVED.contains(value)) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
