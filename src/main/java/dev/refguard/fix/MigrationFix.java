package dev.refguard.fix;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.source.FlywayNaming;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the findings whose rule can say the exact corrective SQL into one new migration per history, named as the
 * history's tool names its next migration. It never edits or overwrites a file: refguard otherwise only reads
 * migrations, and this adds one.
 *
 * <p>Only SQL that PostgreSQL runs to the end after the whole history belongs here: a finding whose statement
 * PostgreSQL rejects (an FK to a missing table, of the wrong type, to a non-unique column) stays wrong where it
 * stands whatever a later file does, so its rule offers no such fix (README, "Writing the fix: refguard:fix").
 */
public final class MigrationFix {
    private MigrationFix() {}

    /**
     * What the fix goal does with the findings.
     *
     * @param files the new migrations, one per history that has something to fix; empty when nothing is fixable
     * @param unfixable per rule, the findings left out because no later migration can correct them (or they were
     *     not asked for)
     */
    public record Plan(List<FixFile> files, Map<String, Integer> unfixable) {
        public Plan {
            files = List.copyOf(files);
            unfixable = java.util.Collections.unmodifiableMap(new TreeMap<>(unfixable));
        }
    }

    /**
     * Plans the fix migrations for {@code result}.
     *
     * @param rules the rule ids whose fixes to write; empty for every finding with a fix at warning or above (an
     *     info finding, such as a column that merely looks like a reference, is fixed only when its rule is named)
     * @param baseDir the base directory the findings' paths are relative to
     * @param flyway how Flyway names files in this module
     * @param now the time a timestamped name (Supabase, Prisma, dbmate) is made from
     * @throws FixException when a history's names leave no later place refguard can name
     */
    public static Plan plan(AnalysisResult result, Set<String> rules, Path baseDir, FlywayNaming flyway, Instant now) {
        Map<String, MigrationHistory> historyOfFile = new LinkedHashMap<>();
        for (MigrationHistory h : result.histories()) {
            for (MigrationFile f : h.files()) {
                historyOfFile.putIfAbsent(f.relativePath(), h);
            }
        }
        Map<MigrationHistory, List<Finding>> byHistory = new LinkedHashMap<>();
        Map<String, Integer> unfixable = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (!selected(f, rules)) {
                continue;
            }
            MigrationHistory history = historyOfFile.get(f.location().file());
            if (f.fix().isEmpty() || history == null) {
                unfixable.merge(f.ruleId(), 1, Integer::sum);
                continue;
            }
            byHistory.computeIfAbsent(history, h -> new ArrayList<>()).add(f);
        }
        List<FixFile> files = new ArrayList<>();
        for (MigrationHistory history : result.histories()) {
            List<Finding> fixes = byHistory.get(history);
            if (fixes == null) {
                continue;
            }
            FixTarget target = FixTargets.next(history, baseDir, flyway, now);
            files.add(new FixFile(history, target, text(history, target, fixes), fixes));
        }
        return new Plan(files, unfixable);
    }

    /**
     * What the analysis of the history with the fix written still finds of what the fix was for: a finding in a
     * fix file, or a fixed finding found again (same rule, same place). Empty when the fix did its work.
     */
    public static List<Finding> leftOver(Plan plan, AnalysisResult after) {
        Set<String> written = new java.util.HashSet<>();
        List<Finding> fixed = new ArrayList<>();
        plan.files().forEach(f -> {
            written.add(f.target().relativePath());
            fixed.addAll(f.fixed());
        });
        return after.findings().stream()
                .filter(f -> f.severity() != Severity.OFF)
                .filter(f -> written.contains(f.location().file())
                        || fixed.stream()
                                .anyMatch(x -> x.ruleId().equals(f.ruleId())
                                        && x.location().equals(f.location())))
                .toList();
    }

    /** A finding the fix goal considers: of a named rule, or, when none is named, at warning or above. */
    private static boolean selected(Finding f, Set<String> rules) {
        if (f.severity() == Severity.OFF) {
            return false;
        }
        return rules.isEmpty() ? f.severity().atLeast(Severity.WARNING) : rules.contains(f.ruleId());
    }

    /** The file: a header, then per fix a comment naming its findings and the SQL, each SQL once. */
    static String text(MigrationHistory history, FixTarget target, List<Finding> fixes) {
        Map<String, List<Finding>> bySql = new LinkedHashMap<>();
        fixes.forEach(
                f -> bySql.computeIfAbsent(f.fix(), k -> new ArrayList<>()).add(f));
        StringBuilder out = new StringBuilder(target.header());
        if (!target.header().isEmpty()) {
            out.append('\n');
        }
        out.append("-- Written by refguard:fix: the corrective SQL for ")
                .append(fixes.size())
                .append(fixes.size() == 1 ? " finding" : " findings")
                .append(" in ")
                .append(history.root())
                .append(".\n-- Review it before it runs; refguard never edits the migrations before it.\n");
        for (Map.Entry<String, List<Finding>> block : bySql.entrySet()) {
            out.append('\n');
            for (Finding f : block.getValue()) {
                out.append("-- ")
                        .append(f.ruleId())
                        .append(" at ")
                        .append(f.location().file())
                        .append(':')
                        .append(f.location().line())
                        .append(": ")
                        .append(oneLine(f.message()))
                        .append('\n');
            }
            out.append(target.blockStart()).append(block.getKey()).append('\n').append(target.blockEnd());
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /**
     * Checks that no planned file, nor a Prisma folder it needs, exists already.
     *
     * @throws FixException naming the first one in the way
     */
    public static void checkFree(Plan plan) {
        for (FixFile file : plan.files()) {
            Path dir = file.target().createdDirectory();
            if (dir != null && Files.exists(dir)) {
                throw new FixException("refguard: " + folder(file) + " exists already and refguard never"
                        + " overwrites a file: move it away, then run refguard:fix again");
            }
            if (Files.exists(file.target().file())) {
                throw new FixException("refguard: " + file.target().relativePath()
                        + " exists already and refguard never overwrites a file: include it in the history or move"
                        + " it away, then run refguard:fix again");
            }
        }
    }

    /** The folder the target needs, named as the target is: relative to the base directory. */
    private static String folder(FixFile file) {
        String path = file.target().relativePath();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /**
     * Writes the planned files, each as a new file: one that appeared in the meantime is refused, never replaced.
     *
     * @throws FixException when a file exists already or cannot be written
     */
    public static void write(Plan plan) {
        checkFree(plan);
        for (FixFile file : plan.files()) {
            FixTarget target = file.target();
            try {
                if (target.createdDirectory() != null) {
                    Files.createDirectory(target.createdDirectory());
                }
                Files.writeString(
                        target.file(),
                        file.text(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new FixException(
                        "refguard: " + target.relativePath() + " exists already; refguard never overwrites a file", e);
            } catch (IOException e) {
                throw new FixException(
                        "refguard: cannot write " + target.relativePath() + ": "
                                + String.valueOf(e.getMessage()).replaceAll("\\s+", " "),
                        e);
            }
        }
    }
}
