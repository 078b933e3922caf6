package dev.refguard.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final List<Glob> patterns;

    /**
     * One glob: its regular expression, and the literal runs between its wildcards in ASCII lower case, each of
     * which an ASCII path must contain to match. Most paths miss one, so the (backtracking) expression runs on few.
     *
     * @param literals the runs, or an empty list when the glob has a non-ASCII literal (no shortcut then)
     */
    private record Glob(Pattern pattern, List<String> literals) {
        boolean matches(String path, String asciiLower) {
            if (asciiLower != null) {
                for (String literal : literals) {
                    if (!asciiLower.contains(literal)) {
                        return false;
                    }
                }
            }
            return pattern.matcher(path).matches();
        }
    }

    private SeedClassifier(List<Glob> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** A classifier of {@code globs}; blank entries are ignored, no glob makes it throw. */
    public static SeedClassifier of(List<String> globs) {
        List<Glob> compiled = new ArrayList<>();
        for (String glob : globs) {
            if (glob != null && !glob.isBlank()) {
                compiled.add(new Glob(compile(glob), literals(glob)));
            }
        }
        return new SeedClassifier(compiled);
    }

    /** Whether {@code relativePath} ({@code /} separators, relative to the base directory) matches a glob. */
    public boolean isSeed(String relativePath) {
        String path = relativePath.replace('\\', '/');
        // with Unicode case folding a non-ASCII char may match an ASCII one (the Kelvin sign matches k): the
        // literal shortcut holds for ASCII paths only
        String asciiLower = isAscii(path) ? path.toLowerCase(Locale.ROOT) : null;
        for (Glob glob : patterns) {
            if (glob.matches(path, asciiLower)) {
                return true;
            }
        }
        return false;
    }

    /** The literal runs of {@code glob} between wildcards and slashes, lower case; none when one is not ASCII. */
    static List<String> literals(String glob) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (char c : (glob.trim().replace('\\', '/') + "*").toCharArray()) {
            if (c == '*' || c == '?' || c == '/') {
                if (!run.isEmpty()) {
                    runs.add(run.toString().toLowerCase(Locale.ROOT));
                    run.setLength(0);
                }
            } else if (c >= 0x80) {
                return List.of();
            } else {
                run.append(c);
            }
        }
        // a leading "./" is not part of the path the expression matches
        runs.removeIf(r -> r.equals("."));
        return List.copyOf(runs);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
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
