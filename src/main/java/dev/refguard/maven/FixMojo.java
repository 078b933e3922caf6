package dev.refguard.maven;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.fix.FixException;
import dev.refguard.fix.FixFile;
import dev.refguard.fix.MigrationFix;
import dev.refguard.rules.RuleRegistry;
import dev.refguard.source.SourceDiscovery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes one new migration that corrects the findings whose rule can say the exact SQL (an FK re-pointed at the
 * canonical identity table, the missing user-sync trigger), named as the history's tool names its next migration
 * ({@code supabase/migrations/<UTC stamp>_refguard_fix.sql}, a new Prisma folder, the next Flyway version, ...).
 * refguard otherwise never writes a migration file; this goal only adds one, never edits an existing file, and
 * refuses when the file it would write exists. Never fails the build on findings. Runs with or without a pom:
 * {@code mvn dev.refguard:refguard-maven-plugin:fix}.
 *
 * @since 0.1.0
 */
@Mojo(name = "fix", threadSafe = true, requiresProject = false)
public class FixMojo extends AbstractRefguardMojo {
    private static final List<String> FORMATS = List.of("console");

    /**
     * The rule ids whose fixes to write, comma-separated or one {@code <rule>} element each. Default: every finding
     * with a fix at warning or above; a rule named here is fixed at any severity (so {@code unenforced-reference},
     * an info, adds the FKs it proposes only when named). An unknown id is a configuration error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.fix.rules")
    private List<String> rules;

    /**
     * Prints the migration instead of writing it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.fix.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The clock the timestamped names (Supabase, Prisma, dbmate) are made from; UTC. */
    private final Clock clock;

    /** The goal Maven runs. */
    public FixMojo() {
        this(Clock.systemUTC());
    }

    FixMojo(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected List<String> formatsParameter() {
        return FORMATS;
    }

    @Override
    protected String failOnParameter() {
        return "never";
    }

    @Override
    protected void afterReports(AnalysisResult result, CheckSettings settings, Path reportDir, Path baseDir)
            throws MojoExecutionException {
        Set<String> wanted = ruleIds();
        MigrationFix.Plan plan;
        try {
            plan = MigrationFix.plan(
                    result,
                    wanted,
                    baseDir,
                    SourceDiscovery.flywayNaming(baseDir, settings.config().tools()),
                    clock.instant());
            if (dryRun) {
                MigrationFix.checkFree(plan);
            } else {
                MigrationFix.write(plan);
            }
        } catch (FixException e) {
            throw new UserErrorException(e.getMessage());
        }
        for (FixFile file : plan.files()) {
            String what = file.target().relativePath() + " with the fix of "
                    + count(file.fixed().size()) + " (" + byRule(file) + ")";
            if (dryRun) {
                getLog().info("refguard: dry run (refguard.fix.dryRun), nothing written; would write " + what + ":");
                file.text().lines().forEach(line -> getLog().info(line));
            } else {
                getLog().info("refguard: wrote " + what + "; review it, then apply it as your other migrations");
            }
            if (!file.target().note().isEmpty()) {
                getLog().warn("refguard: " + file.target().note());
            }
        }
        if (plan.files().isEmpty()) {
            getLog().info("refguard: no finding has a fix a new migration can make; nothing written");
        } else if (!dryRun) {
            checkWritten(plan, settings, baseDir);
        }
        if (!plan.unfixable().isEmpty()) {
            List<String> parts = new ArrayList<>();
            plan.unfixable().forEach((rule, n) -> parts.add(rule + ": " + n));
            getLog().info("refguard: left to you (no later migration can correct them, or not asked for): "
                    + String.join(", ", parts));
        }
    }

    /** Analyses the history with the new files and says whether the fixed findings are gone. */
    private void checkWritten(MigrationFix.Plan plan, CheckSettings settings, Path baseDir)
            throws MojoExecutionException {
        List<Finding> left = MigrationFix.leftOver(plan, analyzeAgain(settings, baseDir));
        if (left.isEmpty()) {
            getLog().info("refguard: analysed again with the new migration: the findings it fixes are gone");
            return;
        }
        getLog().warn("refguard: analysed again with the new migration, " + count(left.size())
                + " it was for remain; review it before you apply it:");
        for (Finding f : left) {
            getLog().warn("  " + f.location().file() + ":" + f.location().line() + ": " + f.ruleId() + " "
                    + f.message());
        }
    }

    /** The ids of {@code rules}, split at commas and checked against the built-in rules. */
    private Set<String> ruleIds() throws MojoExecutionException {
        Set<String> ids = new LinkedHashSet<>();
        if (rules != null) {
            for (String entry : rules) {
                for (String id : entry == null ? new String[0] : entry.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        for (String id : ids) {
            if (!RuleRegistry.ids().contains(id)) {
                throw new UserErrorException("refguard: unknown rule id '" + id + "' in refguard.fix.rules; valid: "
                        + String.join(", ", RuleRegistry.ids()));
            }
        }
        return ids;
    }

    private static String count(int n) {
        return n + (n == 1 ? " finding" : " findings");
    }

    private static String byRule(FixFile file) {
        Map<String, Integer> counts = new TreeMap<>();
        file.fixed().forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((rule, n) -> parts.add(rule + ": " + n));
        return String.join(", ", parts);
    }
}
