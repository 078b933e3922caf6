package dev.refguard.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a migration file holds seed or demo data, by the {@code seedPatterns} globs matched
 * against its path relative to the base directory.
 *
 * <p>The globs follow the Ant/Maven convention users know from {@code <includes>}: {@code **} spans any
 * number of folders, none included ({@code **}{@code /testdata/**} matches {@code testdata/a.sql}),
 * {@code *} any run of characters within one name, {@code ?} one character; everything else is literal.
 * Only files are classified, so a folder pattern such as {@code **}{@code /*demo*}{@code /**} matches the
 * files below such a folder, never a file whose own name contains {@code demo}.
 * Matching ignores case, so {@code **}{@code /*seed*.sql} also matches {@code Seed.sql}. Backslashes are
 * read as {@code /}, so a pattern written on Windows works everywhere.
 */
public final class SeedClassifier {
    private final List<Pattern> patterns;

    private SeedClassifier(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** A classifier of {@code globs}; blank entries are ignored, no glob makes it throw. */
    public static SeedClassifier of(List<String> globs) {
        List<Pattern> compiled = new ArrayList<>();
        for (String glob : globs) {
            if (glob != null && !glob.isBlank()) {
                compiled.add(compile(glob));
            }
        }
        return new SeedClassifier(compiled);
    }

    /** Whether {@code relativePath} ({@code /} separators, relative to the base directory) matches a glob. */
    public boolean isSeed(String relativePath) {
        String path = relativePath.replace('\\', '/');
        for (Pattern pattern : patterns) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the single glob {@code glob} matches {@code relativePath}, with the rules of this class. */
    public static boolean matches(String glob, String relativePath) {
        return of(List.of(glob)).isSeed(relativePath);
    }

    /** Translates one glob to an anchored, case-insensitive regular expression. */
    static Pattern compile(String glob) {
        String g = glob.trim().replace('\\', '/');
        while (g.startsWith("./")) {
            g = g.substring(2);
        }
        while (g.startsWith("/")) {
            g = g.substring(1);
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*') {
                int end = i;
                while (end < g.length() && g.charAt(end) == '*') {
                    end++;
                }
                boolean segmentStart = i == 0 || g.charAt(i - 1) == '/';
                boolean beforeSlash = end < g.length() && g.charAt(end) == '/';
                if (end - i >= 2 && segmentStart && beforeSlash) {
                    // "**/" spans zero or more whole folders: each repetition eats one "name/".
                    regex.append("(?:[^/]*/)*");
                    i = end + 1;
                } else if (end - i >= 2) {
                    regex.append(".*");
                    i = end;
                } else {
                    regex.append("[^/]*");
                    i = end;
                }
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                appendLiteral(regex, c);
                i++;
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static void appendLiteral(StringBuilder regex, char c) {
        if ("\\.[]{}()<>*+-=!?^$|&".indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
