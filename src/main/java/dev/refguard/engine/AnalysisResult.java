package dev.refguard.engine;

import dev.refguard.findings.Finding;
import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.source.MigrationHistory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one analysis produced.
 *
 * @param findings every finding (suppressed ones removed, baselined ones marked), sorted
 * @param graph the final schema graph of every history
 * @param stats counts for the summary
 * @param rules every built-in rule, for reports that list rules (SARIF)
 * @param lookedIn when nothing was found, the places looked in; empty otherwise
 * @param elapsedMillis wall time of the analysis, for the console only (never written to files)
 * @param canonicalIdentityTables history root to the canonical identity table refguard inferred or the baseline
 *     pinned (not one configured): what the {@code baseline} goal records, so adding FKs never flips it
 * @param sinceRef the git ref the findings were scoped to ({@code sinceRef}): findings outside the files changed
 *     since it are pre-existing; {@code null} when the whole history is under review
 * @param histories the migration histories analysed, their files in migration order (the {@code fix} goal adds a
 *     file after them)
 */
public record AnalysisResult(
        List<Finding> findings,
        SchemaGraph graph,
        AnalysisStats stats,
        List<RuleInfo> rules,
        List<String> lookedIn,
        long elapsedMillis,
        Map<String, String> canonicalIdentityTables,
        String sinceRef,
        List<MigrationHistory> histories) {
    public AnalysisResult {
        findings = List.copyOf(findings);
        histories = histories == null ? List.of() : List.copyOf(histories);
        rules = List.copyOf(rules);
        lookedIn = List.copyOf(lookedIn);
        canonicalIdentityTables = java.util.Collections.unmodifiableMap(new TreeMap<>(canonicalIdentityTables));
    }

    /** A result that does not list its histories. */
    public AnalysisResult(
            List<Finding> findings,
            SchemaGraph graph,
            AnalysisStats stats,
            List<RuleInfo> rules,
            List<String> lookedIn,
            long elapsedMillis,
            Map<String, String> canonicalIdentityTables,
            String sinceRef) {
        this(findings, graph, stats, rules, lookedIn, elapsedMillis, canonicalIdentityTables, sinceRef, List.of());
    }

    /** A result of the whole history. */
    public AnalysisResult(
            List<Finding> findings,
            SchemaGraph graph,
            AnalysisStats stats,
            List<RuleInfo> rules,
            List<String> lookedIn,
            long elapsedMillis,
            Map<String, String> canonicalIdentityTables) {
        this(findings, graph, stats, rules, lookedIn, elapsedMillis, canonicalIdentityTables, null);
    }

    /** A result with no inferred canonical identity table. */
    public AnalysisResult(
            List<Finding> findings,
            SchemaGraph graph,
            AnalysisStats stats,
            List<RuleInfo> rules,
            List<String> lookedIn,
            long elapsedMillis) {
        this(findings, graph, stats, rules, lookedIn, elapsedMillis, Map.of());
    }

    /** The same result with {@code newFindings} (e.g. with recorded ones marked baselined). */
    public AnalysisResult withFindings(List<Finding> newFindings) {
        return new AnalysisResult(
                newFindings,
                graph,
                stats,
                rules,
                lookedIn,
                elapsedMillis,
                canonicalIdentityTables,
                sinceRef,
                histories);
    }

    /**
     * Findings at or above {@code threshold} that are neither baselined nor pre-existing ({@code sinceRef}): these
     * fail the build.
     */
    public List<Finding> failing(Severity threshold) {
        return findings.stream()
                .filter(f -> !f.accepted()
                        && f.severity() != Severity.OFF
                        && f.severity().atLeast(threshold))
                .toList();
    }
}
