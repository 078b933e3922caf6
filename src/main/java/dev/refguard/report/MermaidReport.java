package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.schema.TableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code schema.mmd}: the final foreign-key graph as a Mermaid {@code erDiagram}, which GitHub and GitLab
 * draw when it is pasted into a {@code ```mermaid} block.
 *
 * <pre>{@code
 * erDiagram
 *     auth_users["auth.users (identity, not created by a migration)"] {
 *         unknown id
 *     }
 *     public_songs["public.songs"] {
 *         uuid id PK
 *         uuid last_modified_by FK
 *     }
 *     %% finding: mixed-user-reference at supabase/migrations/20251106000000_baseline_schema.sql:147
 *     public_songs }o..|| auth_users : "⚠ mixed-user-reference: songs_last_modified_by_fkey"
 * }</pre>
 *
 * <p>One entity per table, its columns with their types and {@code PK}/{@code FK} marks; tables that foreign
 * keys reference but no migration creates appear with the referenced columns and the type {@code unknown}.
 * One relationship per foreign key (<code>}o--||</code>, many to one), labelled with the constraint name. A key
 * with findings (see {@link SchemaDiagram}) is drawn dashed ({@code ..}), its label starts with {@code ⚠}
 * and the rule ids, and a {@code %% finding:} comment above it says where. Identity tables say so in their
 * label.
 *
 * <p>Mermaid names must be plain words, so entity names are the schema and table name with every other
 * character replaced by {@code _}, numbered ({@code _2}, {@code _3}) in sorted order when two collide; the
 * label shows the real name. Column names and types are made plain the same way, a changed column name
 * keeps its real name as the attribute's comment. In labels and comments {@code "}, {@code &}, {@code \},
 * {@code %}, {@code #}, {@code <} and {@code >} are written as Mermaid's {@code #code;} entities, so no name can end a label or
 * smuggle in a directive.
 */
public final class MermaidReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "schema.mmd";

    private static final String INDENT = "    ";

    private MermaidReport() {}

    /** The diagram of {@code result}'s graph, marking {@code identityTables}; ends with a newline. */
    public static String render(AnalysisResult result, Collection<TableId> identityTables) {
        SchemaDiagram diagram = SchemaDiagram.of(result, identityTables);
        Map<SchemaDiagram.Node, String> names = names(diagram);
        StringBuilder out = new StringBuilder("erDiagram\n");
        out.append(INDENT)
                .append("%% refguard: ")
                .append(ReportText.count(diagram.nodes().size(), "table", "tables"))
                .append(", ")
                .append(ReportText.count(diagram.edges().size(), "foreign key", "foreign keys"))
                .append('\n');
        for (SchemaDiagram.Node node : diagram.nodes()) {
            entity(out, node, names.get(node), diagram.severalHistories());
        }
        for (SchemaDiagram.Edge edge : diagram.edges()) {
            relationship(out, edge, names);
        }
        return out.toString();
    }

    private static void entity(StringBuilder out, SchemaDiagram.Node node, String name, boolean severalHistories) {
        List<String> tags = new ArrayList<>();
        if (node.identity()) {
            tags.add("identity");
        }
        if (node.external()) {
            tags.add("not created by a migration");
        }
        if (node.seed()) {
            tags.add("seed");
        }
        if (node.incomplete()) {
            tags.add("incomplete");
        }
        String label = (severalHistories ? node.history() + ": " : "")
                + node.sqlName()
                + (tags.isEmpty() ? "" : " (" + String.join(", ", tags) + ")");
        if (node.identity()) {
            out.append(INDENT)
                    .append("%% identity table: ")
                    .append(label(node.sqlName()))
                    .append('\n');
        }
        out.append(INDENT).append(name).append("[\"").append(label(label)).append("\"] {\n");
        for (SchemaGraph.Column column : node.columns()) {
            String type = column.type() == null || column.type().isBlank() ? "unknown" : column.type();
            String columnName = word(column.name());
            out.append(INDENT).append(INDENT).append(word(type)).append(' ').append(columnName);
            List<String> keys = new ArrayList<>();
            if (node.primaryKey().contains(column.name())) {
                keys.add("PK");
            }
            if (node.foreignKeyColumns().contains(column.name())) {
                keys.add("FK");
            }
            if (!keys.isEmpty()) {
                out.append(' ').append(String.join(", ", keys));
            }
            if (!columnName.equals(column.name())) {
                out.append(" \"").append(label(column.name())).append('"');
            }
            out.append('\n');
        }
        out.append(INDENT).append("}\n");
    }

    private static void relationship(
            StringBuilder out, SchemaDiagram.Edge edge, Map<SchemaDiagram.Node, String> names) {
        SchemaGraph.ForeignKey fk = edge.foreignKey();
        String constraint = fk.name() == null ? "" : fk.name();
        String label = constraint;
        if (edge.rejected()) {
            out.append(INDENT)
                    .append("%% rejected by PostgreSQL (")
                    .append(label(edge.rejectedReason()))
                    .append("): declared at ")
                    .append(label(fk.file() + ":" + fk.line()))
                    .append('\n');
        }
        if (!edge.findings().isEmpty()) {
            for (Finding f : edge.findings()) {
                out.append(INDENT)
                        .append("%% finding: ")
                        .append(label(f.ruleId() + " at " + f.location().file() + ":"
                                + f.location().line()))
                        .append('\n');
            }
            label = "⚠ " + String.join(", ", edge.ruleIds()) + (constraint.isEmpty() ? "" : ": " + constraint);
        }
        if (edge.rejected()) {
            label = "✖ rejected (" + edge.rejectedReason() + ")" + (label.isEmpty() ? "" : " " + label);
        }
        out.append(INDENT)
                .append(names.get(edge.from()))
                .append(edge.findings().isEmpty() && !edge.rejected() ? " }o--|| " : " }o..|| ")
                .append(names.get(edge.to()))
                .append(" : \"")
                .append(label(label))
                .append("\"\n");
    }

    /**
     * Each table's entity name: {@code schema_table} (with the history in front when there are several),
     * each run of characters other than ASCII letters, digits and {@code _} replaced by one {@code _}. Names
     * that needed no replacing are given out first, so a table's entity name does not change when another
     * table whose name only sanitises to the same word comes along; the others, in sorted order, get
     * {@code _2}, {@code _3}, ... when taken. Mermaid compares names case-sensitively, but a later renderer
     * may not, so names that differ only in case count as taken too.
     */
    private static Map<SchemaDiagram.Node, String> names(SchemaDiagram diagram) {
        Map<SchemaDiagram.Node, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (boolean plainPass : new boolean[] {true, false}) {
            for (SchemaDiagram.Node node : diagram.nodes()) {
                String raw = (diagram.severalHistories() ? node.history() + "_" : "")
                        + node.id().schema() + "_" + node.id().name();
                String base = identifier(raw);
                if (names.containsKey(node) || base.equals(raw) != plainPass) {
                    continue;
                }
                String name = base;
                for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                    name = base + "_" + n;
                }
                names.put(node, name);
            }
        }
        return names;
    }

    private static String identifier(String text) {
        StringBuilder out = new StringBuilder(text.length() + 1);
        boolean replacing = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (plain) {
                out.append(c);
            } else if (!replacing) {
                out.append('_');
            }
            replacing = !plain;
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, 't');
        }
        return out.toString();
    }

    /**
     * A column name or type as a Mermaid attribute word: letters, digits and {@code _ - ( ) [ ]}, not
     * starting with a digit or {@code -}; {@code PK}, {@code FK} and {@code UK} alone are keywords there,
     * so they get a {@code _} appended.
     */
    static String word(String text) {
        StringBuilder out = new StringBuilder(text.length() + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "_-()[]".indexOf(c) >= 0;
            out.append(plain ? c : '_');
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0)) || out.charAt(0) == '-') {
            out.insert(0, '_');
        }
        String word = out.toString();
        return Set.of("pk", "fk", "uk").contains(word.toLowerCase(Locale.ROOT)) ? word + "_" : word;
    }

    /** Text inside a label, comment or attribute comment: one line, with Mermaid's entity codes. */
    static String label(String text) {
        String line = ReportText.oneLine(text);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '&' -> out.append("#amp;");
                case '\\' -> out.append("#92;");
                case '#' -> out.append("#35;");
                case '%' -> out.append("#37;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
