package dev.refguard.engine;

import dev.refguard.findings.Candidate;
import dev.refguard.findings.CascadeFolding;
import dev.refguard.findings.Finding;
import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.findings.Suppressions;
import dev.refguard.parse.MigrationParser;
import dev.refguard.parse.ParsedFile;
import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.jsqlparser.ParserWarmUp;
import dev.refguard.rules.FindingSink;
import dev.refguard.rules.IdentityConvention;
import dev.refguard.rules.Rule;
import dev.refguard.rules.RuleContext;
import dev.refguard.rules.RuleRegistry;
import dev.refguard.schema.HistoryReplays;
import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ModelOptions;
import dev.refguard.schema.ModelTable;
import dev.refguard.schema.ReplayEvent;
import dev.refguard.schema.ReplayResult;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.schema.TableId;
import dev.refguard.schema.TableOrigin;
import dev.refguard.scope.GitChanges;
import dev.refguard.scope.ReportScope;
import dev.refguard.source.Dialect;
import dev.refguard.source.DialectDetection;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.source.SourceDiscovery;
import dev.refguard.split.SqlComment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Runs one analysis: sources, split, parse, schema replay, rules, findings. Knows nothing of Maven. */
public final class Engine {
    private Engine() {}

    /**
     * Analyses the project {@code config} describes.
     *
     * @throws dev.refguard.source.SourceException when a configured directory is missing or unreadable, or a
     *     migration folder found by its layout cannot be read
     */
    public static AnalysisResult analyze(RefguardConfig config) {
        return analyze(config, Map.of());
    }

    /**
     * Analyses the project {@code config} describes, with the canonical identity tables a baseline file pins.
     *
     * @param pinnedIdentityTables history root to the canonical identity table the baseline pins for it (used
     *     when {@code canonicalIdentityTable} is not configured)
     * @throws dev.refguard.source.SourceException when a configured directory is missing or unreadable, or a
     *     migration folder found by its layout cannot be read
     */
    public static AnalysisResult analyze(RefguardConfig config, Map<String, String> pinnedIdentityTables) {
        return analyzeModel(config, pinnedIdentityTables).result();
    }

    /**
     * An analysis and the replayed model it judged, for what compares the model with something else (the
     * {@code drift} goal compares it with a live database).
     *
     * @param result what {@link #analyze} returns
     * @param replays the two replays of each history, in the order of the histories
     */
    public record Analysis(AnalysisResult result, List<HistoryReplays> replays) {
        public Analysis {
            replays = List.copyOf(replays);
        }
    }

    /**
     * Analyses the project {@code config} describes, as {@link #analyze(RefguardConfig, Map)} does, and keeps the
     * replayed model.
     *
     * @throws dev.refguard.source.SourceException when a configured directory is missing or unreadable, or a
     *     migration folder found by its layout cannot be read
     */
    public static Analysis analyzeModel(RefguardConfig config, Map<String, String> pinnedIdentityTables) {
        long start = System.nanoTime();
        // loads the parser on the second core while the first one finds the files (README, "Performance"); the
        // analysis neither returns nor throws before the warm-up has ended, so no thread of refguard's outlives the
        // goal (Maven closes the plugin's class loader after it)
        try (ParserWarmUp warmUp = ParserWarmUp.start()) {
            return analyzeModel(config, pinnedIdentityTables, start);
        }
    }

    private static Analysis analyzeModel(RefguardConfig config, Map<String, String> pinnedIdentityTables, long start) {
        SourceDiscovery.Discovery discovery = SourceDiscovery.discover(
                config.baseDir(),
                config.directories(),
                config.seedPatterns(),
                config.skipModuleDirectories(),
                config.tools());
        List<MigrationHistory> histories = discovery.histories();
        // asked before the analysis, so that a missing ref or a shallow clone fails at once
        Set<String> hidden = config.startAfter() == null || histories.isEmpty()
                ? Set.of()
                : ReportScope.upTo(histories, config.startAfter());
        Set<String> changed = config.sinceRef() == null ? null : GitChanges.since(config.baseDir(), config.sinceRef());

        // a file can belong to one history only, but parse each path once regardless
        Map<String, MigrationFile> unique = new LinkedHashMap<>();
        histories.forEach(h -> h.files().forEach(f -> unique.putIfAbsent(f.key(), f)));
        // README, "Configuration": the parameter, else what the project's own configuration names
        Dialect dialect = config.dialect() != null
                ? config.dialect()
                : DialectDetection.detect(config.baseDir(), config.tools()).orElse(Dialect.POSTGRESQL);
        Map<String, ParsedFile> parsed = new HashMap<>();
        if (!unique.isEmpty()) {
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), unique.size()));
            try (MigrationParser parser = new MigrationParser(config.statementTimeout(), threads, dialect)) {
                List<MigrationFile> files = List.copyOf(unique.values());
                List<ParsedFile> results = parser.parseAll(files, config.encoding());
                for (ParsedFile file : results) {
                    parsed.put(file.file().key(), file);
                }
            }
        }

        ModelOptions options = modelOptions(config, dialect);
        Set<TableId> identity = tableIds(config.identityTables());
        TableId canonical = config.canonicalIdentityTable() == null
                        || config.canonicalIdentityTable().isBlank()
                ? null
                : TableId.parse(config.canonicalIdentityTable());
        Set<TableId> shared = tableIds(config.sharedTables());

        List<Candidate> candidates = new ArrayList<>();
        List<ReplayResult> replays = new ArrayList<>();
        List<HistoryReplays> replayed = new ArrayList<>();
        Map<String, String> inferred = new TreeMap<>();
        for (MigrationHistory history : histories) {
            List<ParsedFile> files =
                    history.files().stream().map(f -> parsed.get(f.key())).toList();
            HistoryReplays both = HistoryReplays.replay(history, files, options);
            // the graph shows what a developer's database holds: seed tables included, marked as such
            replays.add(both.development());
            replayed.add(both);
            String pin = pinnedIdentityTables.get(history.root());
            TableId pinned = pin == null || pin.isBlank() ? null : TableId.parse(pin);
            RuleContext context = new RuleContext(both, identity, canonical, pinned, shared);
            IdentityConvention convention = IdentityConvention.of(context);
            if (convention.basis().inferred() || convention.basis() == IdentityConvention.Basis.PINNED) {
                inferred.put(history.root(), convention.canonical().sql());
            }
            FindingSink sink = new FindingSink();
            for (Rule rule : RuleRegistry.rules()) {
                rule.check(context, sink);
            }
            // echoes of a failure are folded under their root's finding (docs/replay.md, "Rejected statements and
            // cascades")
            List<CascadeFolding.Link> cascades = context.events(ReplayEvent.Cascade.class)
                    .map(c -> new CascadeFolding.Link(
                            FindingSink.location(c.at()),
                            c.at().statementLine(),
                            FindingSink.location(c.root()),
                            c.root().statementLine(),
                            c.reason()))
                    .toList();
            candidates.addAll(CascadeFolding.fold(sink.candidates(), cascades));
        }

        Map<String, List<SqlComment>> comments = new LinkedHashMap<>();
        // the parts of one file (Liquibase changesets) share its suppression comments
        parsed.values()
                .forEach(f -> comments.merge(f.file().relativePath(), f.comments(), (a, b) -> {
                    List<SqlComment> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                }));
        List<Candidate> kept = Suppressions.apply(candidates, comments, RuleRegistry.ids());
        List<Finding> findings = applySeverities(kept, config.severities());
        // the scope changes the verdict, never the model: the whole history was replayed
        findings = ReportScope.apply(findings, hidden, changed);

        SchemaGraph graph = graph(replays);
        AnalysisStats stats = stats(histories, parsed.values(), graph);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        AnalysisResult result = new AnalysisResult(
                findings,
                graph,
                stats,
                RuleRegistry.infos(),
                discovery.lookedIn(),
                elapsed,
                inferred,
                config.sinceRef(),
                histories);
        return new Analysis(result, replayed);
    }

    private static Set<TableId> tableIds(List<String> names) {
        return names.stream()
                .filter(n -> !n.isBlank())
                .map(TableId::parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static ModelOptions modelOptions(RefguardConfig config, Dialect dialect) {
        // Supabase's schemas are PostgreSQL's: on MySQL only the schemas a project names are the platform's
        List<String> configured =
                dialect.mysqlFamily() && config.managedSchemas().equals(RefguardConfig.DEFAULT_MANAGED_SCHEMAS)
                        ? List.<String>of()
                        : config.managedSchemas();
        Set<String> managed = configured.stream()
                .filter(s -> !s.isBlank())
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new ModelOptions(managed, tableIds(config.externalTables()), tableIds(config.sharedTables()), dialect);
    }

    /**
     * Configuration decides severity: a configured severity replaces the rule's default; a finding a rule
     * proposed below its default (a warning of an error rule) never rises above it; {@code off} drops
     * the rule; a demoted finding (facts uncertain) is at most a warning.
     */
    public static List<Finding> applySeverities(List<Candidate> candidates, Map<String, Severity> configured) {
        Map<String, Severity> defaults =
                RuleRegistry.allInfos().stream().collect(Collectors.toMap(RuleInfo::id, RuleInfo::defaultSeverity));
        List<Finding> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Finding f = c.finding();
            Severity proposed = f.severity();
            Severity set = configured.get(f.ruleId());
            Severity effective;
            if (set == null) {
                effective = proposed;
            } else if (set == Severity.OFF) {
                continue;
            } else if (proposed == defaults.get(f.ruleId())) {
                effective = set;
            } else {
                effective = proposed.compareTo(set) <= 0 ? proposed : set;
            }
            if (c.demoted() && effective == Severity.ERROR) {
                effective = Severity.WARNING;
            }
            out.add(f.withSeverity(effective));
        }
        out.sort(Finding.ORDER);
        return out;
    }

    private static SchemaGraph graph(List<ReplayResult> replays) {
        List<SchemaGraph.Table> tables = new ArrayList<>();
        List<SchemaGraph.ForeignKey> fks = new ArrayList<>();
        for (ReplayResult replay : replays) {
            String history = replay.history().root();
            for (ModelTable t : replay.tables()) {
                if (t.origin() != TableOrigin.MIGRATION && t.origin() != TableOrigin.SEED) {
                    continue;
                }
                tables.add(new SchemaGraph.Table(
                        history,
                        t.id().schema(),
                        t.id().name(),
                        t.columns().stream()
                                .map(c -> new SchemaGraph.Column(c.name(), c.type()))
                                .toList(),
                        t.primaryKey(),
                        t.createdBy().relativePath(),
                        t.origin() == TableOrigin.SEED,
                        t.incomplete()));
            }
            for (ModelForeignKey fk : replay.foreignKeys()) {
                fks.add(new SchemaGraph.ForeignKey(
                        history,
                        new SchemaGraph.Endpoint(
                                fk.from().id().schema(), fk.from().id().name(), fk.fromColumns()),
                        new SchemaGraph.Endpoint(
                                fk.to().id().schema(), fk.to().id().name(), fk.toColumns()),
                        fk.name(),
                        fk.onDelete(),
                        fk.onUpdate(),
                        fk.file().relativePath(),
                        fk.position().line(),
                        fk.seed()));
            }
        }
        List<SchemaGraph.RejectedForeignKey> rejected = new ArrayList<>();
        for (ReplayResult replay : replays) {
            rejected.addAll(rejectedForeignKeys(replay));
        }
        rejected.sort(Comparator.comparing((SchemaGraph.RejectedForeignKey r) -> r.foreignKey(), FK_ORDER));
        tables.sort(Comparator.comparing(SchemaGraph.Table::history)
                .thenComparing(SchemaGraph.Table::schema)
                .thenComparing(SchemaGraph.Table::name));
        fks.sort(FK_ORDER);
        return new SchemaGraph(tables, fks, rejected);
    }

    private static final Comparator<SchemaGraph.ForeignKey> FK_ORDER = Comparator.comparing(
                    SchemaGraph.ForeignKey::history)
            .thenComparing(fk -> fk.from().schema())
            .thenComparing(fk -> fk.from().table())
            .thenComparing(fk -> String.join(",", fk.from().columns()))
            .thenComparing(SchemaGraph.ForeignKey::name);

    /** An FK for counting: the referencing table (by its oid), its columns, the target's name. */
    private record DeclaredKey(long source, List<String> columns, TableId target) {}

    /**
     * The FKs the history declares that PostgreSQL would reject, each once (an idempotent migration may state it
     * again), leaving out any that a later statement declared successfully.
     */
    private static List<SchemaGraph.RejectedForeignKey> rejectedForeignKeys(ReplayResult replay) {
        Set<DeclaredKey> inForce = new java.util.HashSet<>();
        for (ModelForeignKey fk : replay.foreignKeys()) {
            inForce.add(
                    new DeclaredKey(fk.from().oid(), fk.fromColumns(), fk.to().id()));
        }
        Set<DeclaredKey> seen = new java.util.HashSet<>();
        List<SchemaGraph.RejectedForeignKey> out = new ArrayList<>();
        for (ReplayEvent event : replay.events()) {
            TableId target;
            String reason;
            if (event instanceof ReplayEvent.ReferenceResolved r && r.rejected()) {
                target = r.target().id();
                if (!r.missingColumns().isEmpty()) {
                    reason = "missing column";
                } else if (Boolean.FALSE.equals(r.referencedKeyUnique())) {
                    reason = "not a unique key";
                } else {
                    reason = "type mismatch";
                }
            } else if (event instanceof ReplayEvent.ReferenceUnresolved u) {
                target = u.wantedTarget();
                reason = "target missing";
            } else {
                continue;
            }
            ReplayEvent.ForeignKeyDeclared declared = (ReplayEvent.ForeignKeyDeclared) event;
            DeclaredKey key = new DeclaredKey(declared.source().oid(), declared.sourceColumns(), target);
            if (inForce.contains(key) || !seen.add(key)) {
                continue;
            }
            TableId from = declared.source().id();
            String name = declared.spec().constraintName() != null
                    ? declared.spec().constraintName().folded()
                    : declared.sourceName().name() + "_" + String.join("_", declared.sourceColumns()) + "_fkey";
            out.add(new SchemaGraph.RejectedForeignKey(
                    new SchemaGraph.ForeignKey(
                            replay.history().root(),
                            new SchemaGraph.Endpoint(from.schema(), from.name(), declared.sourceColumns()),
                            new SchemaGraph.Endpoint(target.schema(), target.name(), declared.targetColumns()),
                            name,
                            declared.spec().onDelete() == null
                                    ? "NO ACTION"
                                    : declared.spec().onDelete(),
                            declared.spec().onUpdate() == null
                                    ? "NO ACTION"
                                    : declared.spec().onUpdate(),
                            declared.at().file().relativePath(),
                            declared.at().position().line(),
                            declared.at().file().seed()),
                    reason));
        }
        return out;
    }

    private static AnalysisStats stats(
            List<MigrationHistory> histories, java.util.Collection<ParsedFile> files, SchemaGraph graph) {
        int statements = 0;
        int parsedCount = 0;
        int fallback = 0;
        int skipped = 0;
        int unreadable = 0;
        for (ParsedFile file : files) {
            statements += file.skippedStatements();
            skipped += file.skippedStatements();
            for (ParsedStatement st : file.statements()) {
                if (st.conditional()) {
                    continue; // statements inside DO blocks are counted with their DO statement
                }
                statements++;
                switch (st.outcome()) {
                    case PARSED -> parsedCount++;
                    case FALLBACK -> fallback++;
                    case UNREADABLE -> unreadable++;
                }
            }
        }
        List<String> names = histories.stream()
                .map(h -> h.root() + " (" + h.layout().displayName() + ")")
                .toList();
        return new AnalysisStats(
                names,
                (int) files.stream()
                        .map(f -> f.file().relativePath())
                        .distinct()
                        .count(),
                statements,
                parsedCount,
                fallback,
                skipped,
                unreadable,
                graph.tables().size(),
                graph.foreignKeys().size(),
                graph.rejectedForeignKeys().size());
    }
}
