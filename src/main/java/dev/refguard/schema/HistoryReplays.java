package dev.refguard.schema;

import dev.refguard.parse.ParsedFile;
import dev.refguard.source.MigrationHistory;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The two replays of one history. Seed and demo files do not run in production, so the rules judge the
 * <em>production</em> replay, which leaves them out; the <em>development</em> replay runs every file in order,
 * seeds included, as a developer's {@code supabase db reset} or {@code prisma migrate dev} does. A reference that
 * resolves in development but not in production is seed-only (README, "Seed and demo files").
 *
 * <p>This is the one place that tells seed files apart: a table a schema migration creates too, or one a seed
 * drops and creates again, is simply there in production, so no rule needs to filter seed files itself.
 *
 * @param production the schema migrations only
 * @param development every file, seed files included (the same result when the history has no seed file)
 */
public record HistoryReplays(ReplayResult production, ReplayResult development) {

    /** Replays {@code files} (the parsed files of {@code history}, in order) both ways. */
    public static HistoryReplays replay(MigrationHistory history, List<ParsedFile> files, ModelOptions options) {
        List<ParsedFile> schemaOnly =
                files.stream().filter(f -> !f.file().seed()).toList();
        if (schemaOnly.size() == files.size()) {
            ReplayResult both = SchemaReplay.replay(history, files, options);
            return new HistoryReplays(both, both);
        }
        // the two replays share nothing but the parsed files, which are immutable: they run side by side
        FutureTask<ReplayResult> production = new FutureTask<>(() -> SchemaReplay.replay(history, schemaOnly, options));
        Thread thread = new Thread(production, "refguard-replay");
        thread.setDaemon(true);
        thread.start();
        ReplayResult development = SchemaReplay.replay(history, files, options);
        return new HistoryReplays(awaitReplay(production), development);
    }

    private static ReplayResult awaitReplay(FutureTask<ReplayResult> replay) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return replay.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the replay is short and bounded: finish it, then pass the interrupt on
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the history has seed files, so the two replays differ. */
    public boolean hasSeedFiles() {
        return production != development;
    }
}
