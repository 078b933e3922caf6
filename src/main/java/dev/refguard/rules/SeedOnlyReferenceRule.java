package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.ModelTable;
import dev.refguard.schema.ReplayEvent.ReferenceUnresolved;

/**
 * An FK in a schema migration resolves in the development replay (seed files included) but not in the
 * production one: only seed/demo files create its target. Incident: a Prisma migration referenced
 * {@code "users"}, created only by {@code ..._npm_run_db_seed_demo}; the deploy failed with
 * {@code relation "users" does not exist}. A table a schema migration creates too (plainly, or with
 * {@code IF NOT EXISTS} after the seed), or one a seed drops and creates again, exists in production: not seed-only.
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

    /** Whether the reference resolves only when the seed files run (the missing-target rule then stays quiet). */
    static boolean seedOnly(RuleContext context, ReferenceUnresolved e) {
        return context.resolvedInDevelopment(e).isPresent();
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(ReferenceUnresolved.class)
                .forEach(e -> context.resolvedInDevelopment(e).ifPresent(development -> {
                    ModelTable target = development.target();
                    String creator =
                            target.createdBy() != null && target.createdBy().seed()
                                    ? "the seed/demo file " + Describe.file(target.createdBy())
                                    : "seed/demo files";
                    String message = Describe.source(e) + " references "
                            + Describe.target(e.wantedTarget(), development.targetColumns()) + ", which only "
                            + creator + " creates";
                    String hint = "Create " + e.wantedTarget().sql() + " in a schema migration that runs before "
                            + Describe.file(e.at().file()) + " (move its CREATE TABLE out of the seed file)"
                            + ", or, if that file is schema and not seed data, narrow seedPatterns.";
                    sink.report(INFO, e.at(), message, hint);
                }));
    }
}
