package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.schema.TableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the diagrams ({@code schema.mmd}, {@code schema.dot}) draw, worked out once: the tables of the final
 * graph, the tables its foreign keys point at without any migration creating them (platform tables such
 * as {@code auth.users}), which of them are identity tables, and which foreign keys have findings.
 *
 * <p>A foreign key "has a finding" when a shown finding (not baselined, not switched off) has the same file
 * and line as the key's declaration: the foreign-key rules report at the clause that declares the key,
 * and the graph records that clause's line. Two keys declared on one line are marked together.
 */
final class SchemaDiagram {
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final boolean severalHistories;

    private SchemaDiagram(List<Node> nodes, List<Edge> edges, boolean severalHistories) {
        this.nodes = nodes;
        this.edges = edges;
        this.severalHistories = severalHistories;
    }

    /**
     * A table to draw.
     *
     * @param history the history it belongs to
     * @param id its schema and name
     * @param columns its columns; for a table no migration created, the referenced columns, type unknown
     * @param primaryKey its primary key columns
     * @param foreignKeyColumns its columns that are part of a foreign key
     * @param identity one of the configured identity tables
     * @param external referenced but not created by any migration of the history
     * @param seed created by a seed or demo file
     * @param incomplete a statement that could not be read touched it
     */
    record Node(
            String history,
            TableId id,
            List<SchemaGraph.Column> columns,
            List<String> primaryKey,
            Set<String> foreignKeyColumns,
            boolean identity,
            boolean external,
            boolean seed,
            boolean incomplete) {
        /** The table as SQL names it, e.g. {@code public.users} or {@code public."User"}. */
        String sqlName() {
            return id.sql();
        }
    }

    /**
     * A foreign key to draw.
     *
     * @param foreignKey the key
     * @param from the referencing table
     * @param to the referenced table
     * @param findings the shown findings at its declaration, in report order
     * @param rejectedReason why PostgreSQL would reject the key ({@code target missing}, {@code type mismatch},
     *     ...), or {@code null} for a key in force
     */
    record Edge(SchemaGraph.ForeignKey foreignKey, Node from, Node to, List<Finding> findings, String rejectedReason) {
        /** Whether PostgreSQL would reject the key, so that it is not in force. */
        boolean rejected() {
            return rejectedReason != null;
        }

        /** The ids of the rules with findings here, sorted and without repeats. */
        List<String> ruleIds() {
            return List.copyOf(
                    new TreeSet<>(findings.stream().map(Finding::ruleId).toList()));
        }
    }

    /** The diagram of {@code result}'s graph; {@code identityTables} are the configured identity tables. */
    static SchemaDiagram of(AnalysisResult result, Collection<TableId> identityTables) {
        Set<TableId> identity = Set.copyOf(identityTables);
        SchemaGraph graph = result.graph();
        Map<NodeKey, SchemaGraph.Table> tables = new TreeMap<>();
        for (SchemaGraph.Table t : graph.tables()) {
            tables.putIfAbsent(new NodeKey(t.history(), new TableId(t.schema(), t.name())), t);
        }
        // the keys PostgreSQL would reject are drawn too, marked: they are the incident the picture must show
        Map<SchemaGraph.ForeignKey, String> rejected = new java.util.IdentityHashMap<>();
        List<SchemaGraph.ForeignKey> all = new ArrayList<>(graph.foreignKeys());
        for (SchemaGraph.RejectedForeignKey r : graph.rejectedForeignKeys()) {
            all.add(r.foreignKey());
            rejected.put(r.foreignKey(), r.reason());
        }
        List<SchemaGraph.ForeignKey> fks = all.stream()
                .filter(fk -> fk.from() != null && fk.to() != null)
                .sorted(FK_ORDER)
                .toList();

        Map<NodeKey, Set<String>> fkColumns = new TreeMap<>();
        Map<NodeKey, Set<String>> referencedOnly = new TreeMap<>();
        for (SchemaGraph.ForeignKey fk : fks) {
            NodeKey from = NodeKey.of(fk.history(), fk.from());
            NodeKey to = NodeKey.of(fk.history(), fk.to());
            fkColumns
                    .computeIfAbsent(from, k -> new LinkedHashSet<>())
                    .addAll(fk.from().columns());
            if (!tables.containsKey(from)) {
                referencedOnly.computeIfAbsent(from, k -> new LinkedHashSet<>());
            }
            if (!tables.containsKey(to)) {
                referencedOnly
                        .computeIfAbsent(to, k -> new LinkedHashSet<>())
                        .addAll(fk.to().columns());
            }
        }

        Map<NodeKey, Node> nodes = new TreeMap<>();
        tables.forEach((key, t) -> nodes.put(
                key,
                new Node(
                        key.history(),
                        key.id(),
                        t.columns(),
                        t.primaryKey(),
                        Set.copyOf(fkColumns.getOrDefault(key, Set.of())),
                        identity.contains(key.id()),
                        false,
                        t.seed(),
                        t.incomplete())));
        referencedOnly.forEach((key, columns) -> nodes.put(
                key,
                new Node(
                        key.history(),
                        key.id(),
                        columns.stream()
                                .map(c -> new SchemaGraph.Column(c, null))
                                .toList(),
                        List.of(),
                        Set.copyOf(fkColumns.getOrDefault(key, Set.of())),
                        identity.contains(key.id()),
                        true,
                        false,
                        false)));

        Map<String, List<Finding>> findingsAt = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            if (ReportText.shown(f)) {
                findingsAt
                        .computeIfAbsent(
                                f.location().file() + "\n" + f.location().line(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (SchemaGraph.ForeignKey fk : fks) {
            List<Finding> here = findingsAt.getOrDefault(fk.file() + "\n" + fk.line(), List.of()).stream()
                    .sorted(Finding.ORDER)
                    .toList();
            edges.add(new Edge(
                    fk,
                    nodes.get(NodeKey.of(fk.history(), fk.from())),
                    nodes.get(NodeKey.of(fk.history(), fk.to())),
                    here,
                    rejected.get(fk)));
        }
        long histories = nodes.values().stream().map(Node::history).distinct().count();
        return new SchemaDiagram(List.copyOf(nodes.values()), List.copyOf(edges), histories > 1);
    }

    /** Every table, sorted by history, schema and name. */
    List<Node> nodes() {
        return nodes;
    }

    /** Every foreign key, sorted by history, referencing table and columns, name. */
    List<Edge> edges() {
        return edges;
    }

    /** Whether the tables come from more than one migration history, so names must say which. */
    boolean severalHistories() {
        return severalHistories;
    }

    /** The foreign keys leaving {@code node}. */
    List<Edge> edgesFrom(Node node) {
        return edges.stream().filter(e -> e.from() == node).toList();
    }

    private static final Comparator<SchemaGraph.ForeignKey> FK_ORDER = Comparator.comparing(
                    SchemaGraph.ForeignKey::history)
            .thenComparing(fk -> fk.from().schema())
            .thenComparing(fk -> fk.from().table())
            .thenComparing(fk -> String.join(",", fk.from().columns()))
            .thenComparing(fk -> String.valueOf(fk.name()))
            .thenComparing(fk -> fk.to().schema())
            .thenComparing(fk -> fk.to().table())
            .thenComparing(fk -> String.join(",", fk.to().columns()))
            .thenComparing(fk -> String.valueOf(fk.file()))
            .thenComparingInt(SchemaGraph.ForeignKey::line);

    /** A table within its history; ordered by history, then schema and name. */
    private record NodeKey(String history, TableId id) implements Comparable<NodeKey> {
        static NodeKey of(String history, SchemaGraph.Endpoint endpoint) {
            return new NodeKey(history, new TableId(endpoint.schema(), endpoint.table()));
        }

        @Override
        public int compareTo(NodeKey other) {
            int c = history.compareTo(other.history);
            return c != 0 ? c : id.compareTo(other.id);
        }
    }
}
