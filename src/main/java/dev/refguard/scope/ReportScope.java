package dev.refguard.scope;

import dev.refguard.findings.Finding;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which findings a run reports, when only part of the history is under review (README, "Pull requests"). The whole
 * history is always replayed, so the model is right; only the verdict is scoped:
 *
 * <ul>
 *   <li>{@code startAfter}: findings in the files up to and including the named migration are dropped, as if those
 *       files had been reviewed long ago;
 *   <li>{@code sinceRef}: findings in files the change under review did not add or modify are kept but marked
 *       pre-existing: they are counted and stay in SARIF as {@code unchanged}, and do not fail the build.
 * </ul>
 */
public final class ReportScope {
    private ReportScope() {}

    /**
     * The files up to and including the migration {@code startAfter} names, in every history where it names one.
     *
     * @param startAfter a file name ({@code 20250101000000_init.sql}), its name without {@code .sql}, a Prisma
     *     folder name, a path relative to the base directory, or a version ({@code 20250101000000}, {@code V3},
     *     {@code 3}, {@code 1.2})
     * @throws ScopeException when no history has such a migration
     */
    public static Set<String> upTo(List<MigrationHistory> histories, String startAfter) {
        String wanted = startAfter.strip();
        Set<String> hidden = new HashSet<>();
        boolean found = false;
        for (MigrationHistory history : histories) {
            int last = -1;
            List<MigrationFile> files = history.files();
            for (int i = 0; i < files.size(); i++) {
                if (names(files.get(i), wanted)) {
                    last = i;
                }
            }
            if (last >= 0) {
                found = true;
                for (int i = 0; i <= last; i++) {
                    hidden.add(files.get(i).relativePath());
                }
            }
        }
        if (!found) {
            throw new ScopeException("startAfter=" + wanted + " names no migration file; give a file name, a Prisma"
                    + " folder name or a version of a migration that exists (e.g. the newest one already deployed)");
        }
        return hidden;
    }

    /** Whether {@code wanted} names {@code file}: by path, by name, by Prisma folder, or by version prefix. */
    static boolean names(MigrationFile file, String wanted) {
        String path = file.relativePath();
        String name = file.fileName();
        int slash = path.lastIndexOf('/');
        String folder = slash <= 0 ? "" : path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
        List<String> candidates = new ArrayList<>(List.of(path, name, stripSql(name)));
        if (name.equals("migration.sql") && !folder.isEmpty()) {
            candidates.add(folder);
        }
        for (String candidate : candidates) {
            if (candidate.equals(wanted) || versionOf(candidate, wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code wanted} is the version that {@code name} starts with: {@code 20250101000000} of
     * {@code 20250101000000_init}, {@code V3} or {@code 3} of {@code V3__init}, but not {@code 3} of {@code V30__x}.
     */
    private static boolean versionOf(String name, String wanted) {
        if (wanted.isEmpty() || !Character.isDigit(wanted.charAt(wanted.length() - 1))) {
            return false;
        }
        String n = name;
        String w = wanted;
        if (n.toUpperCase(Locale.ROOT).startsWith("V")
                && !w.toUpperCase(Locale.ROOT).startsWith("V")) {
            n = n.substring(1);
        }
        if (!n.toUpperCase(Locale.ROOT).startsWith(w.toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (n.length() == w.length()) {
            return true;
        }
        char next = n.charAt(w.length());
        return next == '_' || next == '-';
    }

    private static String stripSql(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    /**
     * The findings as the scope reports them: those in {@code hidden} files dropped; when {@code changed} is not
     * {@code null}, those in files outside it marked pre-existing.
     */
    public static List<Finding> apply(List<Finding> findings, Set<String> hidden, Set<String> changed) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            String file = f.location().file();
            if (hidden.contains(file)) {
                continue;
            }
            out.add(changed != null && !changed.contains(file) ? f.asPreexisting() : f);
        }
        return out;
    }
}
