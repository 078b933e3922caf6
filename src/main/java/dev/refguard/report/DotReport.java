package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.schema.TableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code schema.dot}: the final foreign-key graph for Graphviz ({@code dot -Tsvg schema.dot -o schema.svg}).
 *
 * <pre>{@code
 * digraph refguard {
 *   "public.songs" [label=<<table ...><tr><td ...><b>public.songs</b></td></tr>
 *     <tr><td align="left">id uuid PK</td></tr>...</table>>];
 *   "public.songs" -> "auth.users" [label="last_modified_by → id\n⚠ mixed-user-reference", color="red", ...];
 * }
 * }</pre>
 *
 * <p>One node per table, an HTML-like label with the table name and a row per column (name, type,
 * {@code PK}/{@code FK}); identity tables have a gold header and say {@code identity}; tables that foreign
 * keys reference but no migration creates have a grey header, say {@code not created by a migration} and
 * list the referenced columns. One edge per foreign key, from the referencing to the referenced table,
 * labelled with the columns; its tooltip gives the constraint name and actions. A key with findings (see
 * {@link SchemaDiagram}) is red and bold, the rule ids under the columns, the findings' messages in the
 * tooltip. A key declared in a seed file is dashed. With several histories each is a cluster.
 *
 * <p>Node ids and attribute strings are DOT quoted strings ({@code \} and {@code "} escaped); label text is
 * XML-escaped; every text is on one line.
 */
public final class DotReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "schema.dot";

    private static final String FINDING_COLOR = "red";
    private static final String IDENTITY_COLOR = "#ffd966";
    private static final String TABLE_COLOR = "#dde8f5";
    private static final String EXTERNAL_COLOR = "#e0e0e0";

    private DotReport() {}

    /** The graph of {@code result}, marking {@code identityTables}; ends with a newline. */
    public static String render(AnalysisResult result, Collection<TableId> identityTables) {
        SchemaDiagram diagram = SchemaDiagram.of(result, identityTables);
        StringBuilder out = new StringBuilder("digraph refguard {\n");
        out.append("  graph [rankdir=\"LR\", fontname=\"Helvetica\"];\n");
        out.append("  node [shape=\"plaintext\", fontname=\"Helvetica\", fontsize=\"10\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=\"9\"];\n");
        if (diagram.severalHistories()) {
            Map<String, List<SchemaDiagram.Node>> byHistory = new TreeMap<>();
            diagram.nodes()
                    .forEach(n -> byHistory
                            .computeIfAbsent(n.history(), h -> new ArrayList<>())
                            .add(n));
            byHistory.forEach((history, nodes) -> {
                out.append("  subgraph ")
                        .append(quoted("cluster_" + history))
                        .append(" {\n    label=")
                        .append(quoted(history))
                        .append(";\n");
                nodes.forEach(n -> node(out, "    ", n, true));
                out.append("  }\n");
            });
        } else {
            diagram.nodes().forEach(n -> node(out, "  ", n, false));
        }
        diagram.edges().forEach(e -> edge(out, e, diagram.severalHistories()));
        return out.append("}\n").toString();
    }

    private static String id(SchemaDiagram.Node node, boolean severalHistories) {
        return quoted((severalHistories ? node.history() + ": " : "") + node.sqlName());
    }

    private static void node(StringBuilder out, String indent, SchemaDiagram.Node node, boolean severalHistories) {
        String header = node.identity() ? IDENTITY_COLOR : node.external() ? EXTERNAL_COLOR : TABLE_COLOR;
        StringBuilder label = new StringBuilder("<table border=\"0\" cellborder=\"1\" cellspacing=\"0\">");
        label.append("<tr><td bgcolor=\"")
                .append(header)
                .append("\"><b>")
                .append(XmlText.attribute(node.sqlName()))
                .append("</b></td></tr>");
        List<String> notes = new ArrayList<>();
        if (node.identity()) {
            notes.add("identity");
        }
        if (node.external()) {
            notes.add("not created by a migration");
        }
        if (node.seed()) {
            notes.add("seed");
        }
        if (node.incomplete()) {
            notes.add("incomplete");
        }
        if (!notes.isEmpty()) {
            label.append("<tr><td><i>")
                    .append(XmlText.attribute(String.join(", ", notes)))
                    .append("</i></td></tr>");
        }
        for (SchemaGraph.Column column : node.columns()) {
            StringBuilder text = new StringBuilder(column.name());
            if (column.type() != null && !column.type().isBlank()) {
                text.append(' ').append(column.type());
            }
            if (node.primaryKey().contains(column.name())) {
                text.append(" PK");
            }
            if (node.foreignKeyColumns().contains(column.name())) {
                text.append(" FK");
            }
            label.append("<tr><td align=\"left\">")
                    .append(XmlText.attribute(text.toString()))
                    .append("</td></tr>");
        }
        label.append("</table>");
        out.append(indent)
                .append(id(node, severalHistories))
                .append(" [label=<")
                .append(label)
                .append(">];\n");
    }

    private static void edge(StringBuilder out, SchemaDiagram.Edge edge, boolean severalHistories) {
        SchemaGraph.ForeignKey fk = edge.foreignKey();
        String columns = String.join(", ", fk.from().columns()) + " → "
                + String.join(", ", fk.to().columns());
        String tooltip =
                (fk.name() == null ? "" : fk.name()) + " ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate();
        List<String> attributes = new ArrayList<>();
        if (edge.findings().isEmpty()) {
            attributes.add("label=" + quoted(columns));
            attributes.add("tooltip=" + quoted(tooltip));
        } else {
            List<String> messages = new ArrayList<>();
            for (Finding f : edge.findings()) {
                messages.add(f.ruleId() + ": " + f.message());
            }
            // \n is DOT's own line break inside a label; the texts themselves are kept on one line
            attributes.add("label=\"" + escape(columns) + "\\n⚠ " + escape(String.join(", ", edge.ruleIds())) + "\"");
            attributes.add("tooltip=" + quoted(tooltip + "; " + String.join("; ", messages)));
            attributes.add("color=" + quoted(FINDING_COLOR));
            attributes.add("fontcolor=" + quoted(FINDING_COLOR));
            attributes.add("penwidth=\"2\"");
        }
        if (edge.rejected()) {
            // a key PostgreSQL would refuse: drawn, because it is the incident, but dotted and crossed out
            attributes.removeIf(a -> a.startsWith("label=") || a.startsWith("color=") || a.startsWith("fontcolor="));
            attributes.add(
                    0,
                    "label=\"" + escape(columns) + "\\n✖ rejected: " + escape(edge.rejectedReason())
                            + (edge.findings().isEmpty() ? "" : "\\n⚠ " + escape(String.join(", ", edge.ruleIds())))
                            + "\"");
            attributes.add("color=" + quoted(FINDING_COLOR));
            attributes.add("fontcolor=" + quoted(FINDING_COLOR));
            attributes.add("style=\"dotted\"");
            attributes.add("arrowhead=\"tee\"");
        } else if (fk.seed()) {
            attributes.add("style=\"dashed\"");
        }
        out.append("  ")
                .append(id(edge.from(), severalHistories))
                .append(" -> ")
                .append(id(edge.to(), severalHistories))
                .append(" [")
                .append(String.join(", ", attributes))
                .append("];\n");
    }

    /**
     * A DOT quoted string: one line, {@code \} and {@code "} escaped. A backslash is doubled because in
     * labels and tooltips Graphviz reads {@code \n}, {@code \N}, {@code \G} and the like as escapes.
     */
    static String quoted(String text) {
        return "\"" + escape(text) + "\"";
    }

    private static String escape(String text) {
        return ReportText.oneLine(text).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
