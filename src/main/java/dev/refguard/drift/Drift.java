package dev.refguard.drift;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.rules.RuleRegistry;
import dev.refguard.schema.TableId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code drift} goal without Maven: read the database, compare it with the replayed model, judge. */
public final class Drift {
    private Drift() {}

    /**
     * Reads {@code target}'s catalogue and compares it with {@code analysis}'s model.
     *
     * @param analysis the analysis of the project's migrations ({@link Engine#analyzeModel})
     * @param config the configuration the analysis ran with (managed schemas, external and shared tables,
     *     severities)
     * @throws DatabaseException when the database cannot be read (one line, no password)
     */
    public static AnalysisResult check(Engine.Analysis analysis, RefguardConfig config, DatabaseTarget target) {
        long start = System.nanoTime();
        Set<String> excluded = excludedSchemas(config);
        DatabaseCatalog catalog = CatalogReader.read(target, excluded);
        return judge(analysis, config, catalog, start);
    }

    /** Compares {@code catalog} with {@code analysis}'s model: the drift findings, severities applied, sorted. */
    static AnalysisResult judge(
            Engine.Analysis analysis, RefguardConfig config, DatabaseCatalog catalog, long startNanos) {
        Set<TableId> preexisting = new LinkedHashSet<>();
        config.externalTables().stream()
                .filter(t -> !t.isBlank())
                .map(TableId::parse)
                .forEach(preexisting::add);
        config.sharedTables().stream()
                .filter(t -> !t.isBlank())
                .map(TableId::parse)
                .forEach(preexisting::add);
        List<Finding> findings = Engine.applySeverities(
                DriftComparison.compare(analysis.replays(), catalog, excludedSchemas(config), preexisting),
                config.severities());
        AnalysisResult replayed = analysis.result();
        long elapsed = replayed.elapsedMillis() + (System.nanoTime() - startNanos) / 1_000_000;
        return new AnalysisResult(
                findings,
                replayed.graph(),
                replayed.stats(),
                RuleRegistry.driftInfos(),
                replayed.lookedIn(),
                elapsed,
                replayed.canonicalIdentityTables());
    }

    /** The managed schemas, folded as the model folds them; the system schemas are left out by the reader. */
    static Set<String> excludedSchemas(RefguardConfig config) {
        Set<String> schemas = new LinkedHashSet<>();
        for (String s : config.managedSchemas()) {
            if (!s.isBlank()) {
                schemas.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        return schemas;
    }
}
