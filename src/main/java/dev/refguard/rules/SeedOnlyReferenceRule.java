package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.Resolution;
import dev.refguard.schema.TableOrigin;
import dev.refguard.source.MigrationFile;
import java.util.List;

/**
 * An FK in a schema migration points at a table only seed/demo files create. Incident: a Prisma
 * migration referenced {@code "users"}, created only by {@code ..._npm_run_db_seed_demo}; the deploy
 * failed with {@code relation "users" does not exist}.
 */
public final class SeedOnlyReferenceRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "seed-only-reference",
            Severity.ERROR,
            "A schema migration references a table that only seed/demo files create.",
            "Seed and demo files do not run in production, so the referenced table will not exist there. Create"
                    + " the table in a schema migration that runs before the reference, or, if the file is not seed"
                    + " data, narrow seedPatterns.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Whether the event's target exists only through seed files (shared with the missing-target rule). */
    static boolean seedOnly(ForeignKeyDeclared e) {
        if (e.resolution() == Resolution.RESOLVED) {
            return e.target().origin() == TableOrigin.SEED;
        }
        return !e.creators().isEmpty() && e.creators().stream().allMatch(MigrationFile::seed);
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(ForeignKeyDeclared.class)
                .filter(e -> !e.at().file().seed() && seedOnly(e))
                .forEach(e -> {
                    List<MigrationFile> seeds =
                            e.creators().stream().filter(MigrationFile::seed).toList();
                    String creator =
                            seeds.isEmpty() ? "seed/demo files" : "the seed/demo file " + Describe.file(seeds.get(0));
                    String message = Describe.source(e) + " references "
                            + Describe.target(e.wantedTarget(), e.targetColumns()) + ", which only " + creator
                            + " creates";
                    String hint = "Create " + e.wantedTarget().sql() + " in a schema migration that runs before "
                            + Describe.file(e.at().file()) + " (move its CREATE TABLE out of the seed file)"
                            + ", or, if that file is schema and not seed data, narrow seedPatterns.";
                    sink.report(INFO, e.at(), message, hint);
                });
    }
}
