package dev.refguard.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.schema.TableId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code index.html}: one self-contained page a reviewer opens from the CI artifacts, offline: the summary, the
 * findings grouped by file (each with its exact SQL fix and a button that copies it), and the schema as an
 * interactive diagram (pan and zoom, a search box, a click on a table lists its columns and foreign keys). Foreign
 * keys with findings are drawn red, those PostgreSQL would reject red and dotted, and each links to its findings.
 *
 * <p>The diagram is drawn by Cytoscape.js with the dagre layout, vendored from npm and embedded in the page (see
 * {@code src/main/resources/dev/refguard/report/html/README.md}); nothing is loaded from the network. Everything that
 * comes from the SQL or the file system is escaped: in the HTML by {@link #escape}, and in the data the script reads
 * as JSON whose {@code <}, {@code >}, {@code &}, {@code '} and {@code =} are {@code \}{@code u} escapes, so no name
 * can close the script element; the script puts names into the page as text, never as markup.
 */
public final class HtmlReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "index.html";

    private static final String RESOURCES = "html/";
    private static final String CYTOSCAPE = "cytoscape-3.34.4.min.js";
    private static final String DAGRE = "cytoscape-dagre-4.0.1.min.js";

    /** HTML-safe JSON: Gson escapes {@code < > & = '} as {@code \}{@code uXXXX} unless told otherwise. */
    private static final Gson SCRIPT_JSON = new GsonBuilder().create();

    private HtmlReport() {}

    /** The page of {@code result}, marking {@code identityTables}; ends with a newline. */
    public static String render(AnalysisResult result, Collection<TableId> identityTables) {
        SchemaDiagram diagram = SchemaDiagram.of(result, identityTables);
        Map<Finding, String> anchors = new IdentityHashMap<>();
        List<Finding> shown =
                result.findings().stream().filter(ReportText::shown).toList();
        for (int i = 0; i < shown.size(); i++) {
            anchors.put(shown.get(i), "finding-" + (i + 1));
        }

        StringBuilder html = new StringBuilder(600_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // no network: scripts and styles inline only, nothing else may be fetched
        html.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src"
                + " 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.append("<title>refguard report</title>\n<style>\n")
                .append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n");

        html.append("<header><h1>refguard</h1><nav><a href=\"#findings\">Findings</a>"
                        + " <a href=\"#schema\">Schema diagram</a></nav><p class=\"counts\">")
                .append(escape(
                        result.stats().histories().isEmpty()
                                ? ReportText.noMigrationsText(result)
                                : ReportText.findingCounts(result)))
                .append("</p><p class=\"size\">")
                .append(escape(ReportText.sizeText(result.stats()) + "; " + ReportText.coverageLine(result.stats())))
                .append("</p></header>\n<main>\n");

        html.append("<section id=\"findings\"><h2>Findings</h2>\n");
        if (shown.isEmpty()) {
            html.append("<p class=\"none\">No findings to review.</p>\n");
        }
        Map<String, List<Finding>> byFile = new TreeMap<>();
        shown.forEach(f -> byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>())
                .add(f));
        byFile.forEach((file, findings) -> {
            html.append("<section class=\"file\"><h3>").append(escape(file)).append("</h3>\n");
            findings.forEach(f -> finding(html, f, anchors.get(f)));
            html.append("</section>\n");
        });
        html.append("</section>\n");

        html.append("<section id=\"schema\"><h2>Schema</h2>\n<div class=\"toolbar\">")
                .append("<input id=\"search\" type=\"search\" placeholder=\"Search a table\" autocomplete=\"off\">")
                .append("<span id=\"search-result\" aria-live=\"polite\"></span>")
                .append("<button type=\"button\" id=\"fit\">Fit</button>")
                .append("<span class=\"legend\"><span class=\"l-ok\">foreign key</span>")
                .append("<span class=\"l-finding\">with a finding</span>")
                .append("<span class=\"l-rejected\">rejected by PostgreSQL</span>")
                .append("<span class=\"l-identity\">identity table</span>")
                .append("<span class=\"l-external\">not created by a migration</span></span></div>\n")
                .append("<div class=\"graph-area\"><div id=\"graph\"></div>")
                .append("<aside id=\"details\"><p class=\"hint\">Click a table or a foreign key.</p></aside></div>\n")
                .append("</section>\n</main>\n");

        html.append("<script type=\"application/json\" id=\"refguard-data\">")
                .append(SCRIPT_JSON.toJson(data(diagram, anchors)))
                .append("</script>\n");
        html.append("<!--\n")
                .append(resource("THIRD-PARTY-LICENSES.txt").replace("--", "- -"))
                .append("-->\n");
        html.append("<script>\n").append(script(CYTOSCAPE)).append("\n</script>\n");
        html.append("<script>\n").append(script(DAGRE)).append("\n</script>\n");
        html.append("<script>\n").append(resource("report.js")).append("</script>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void finding(StringBuilder html, Finding f, String anchor) {
        html.append("<article class=\"finding ")
                .append(f.severity().id())
                .append("\" id=\"")
                .append(anchor)
                .append("\"><p class=\"head\"><span class=\"severity\">")
                .append(f.severity().id())
                .append("</span> <span class=\"rule\">")
                .append(escape(f.ruleId()))
                .append("</span> <span class=\"where\">")
                .append(escape(
                        f.location().line() >= 1
                                ? f.location().file() + ":" + f.location().line() + ":"
                                        + f.location().column()
                                : f.location().file()))
                .append("</span></p>\n<p class=\"message\">")
                .append(escape(ReportText.oneLine(f.message())))
                .append("</p>\n");
        // the hint in its order: the words that lead to the SQL, the SQL with its copy button, the words after it
        prose(html, f.hintBeforeFix());
        if (!f.fix().isEmpty()) {
            html.append("<div class=\"fix\"><button type=\"button\" class=\"copy\">Copy SQL</button><pre><code>")
                    .append(String.join(
                            "\n",
                            ReportText.lines(f.fix()).stream()
                                    .map(HtmlReport::escape)
                                    .toList()))
                    .append("</code></pre></div>\n");
        }
        prose(html, f.hintAfterFix());
        html.append("</article>\n");
    }

    private static void prose(StringBuilder html, String text) {
        if (!text.isEmpty()) {
            html.append("<p class=\"prose\">")
                    .append(String.join(
                            "<br>",
                            ReportText.lines(text).stream()
                                    .map(HtmlReport::escape)
                                    .toList()))
                    .append("</p>\n");
        }
    }

    /** What the script draws: tables with their columns, foreign keys with their state and findings. */
    private static JsonObject data(SchemaDiagram diagram, Map<Finding, String> anchors) {
        Map<SchemaDiagram.Node, String> ids = new IdentityHashMap<>();
        JsonArray tables = new JsonArray();
        for (SchemaDiagram.Node node : diagram.nodes()) {
            String id = "t" + ids.size();
            ids.put(node, id);
            JsonObject t = new JsonObject();
            t.addProperty("id", id);
            t.addProperty("name", (diagram.severalHistories() ? node.history() + ": " : "") + node.sqlName());
            t.addProperty("identity", node.identity());
            t.addProperty("external", node.external());
            t.addProperty("seed", node.seed());
            t.addProperty("incomplete", node.incomplete());
            JsonArray columns = new JsonArray();
            for (SchemaGraph.Column c : node.columns()) {
                JsonObject column = new JsonObject();
                column.addProperty("name", c.name());
                column.addProperty("type", c.type() == null ? "" : c.type());
                column.addProperty("pk", node.primaryKey().contains(c.name()));
                column.addProperty("fk", node.foreignKeyColumns().contains(c.name()));
                columns.add(column);
            }
            t.add("columns", columns);
            tables.add(t);
        }
        JsonArray keys = new JsonArray();
        int n = 0;
        for (SchemaDiagram.Edge edge : diagram.edges()) {
            SchemaGraph.ForeignKey fk = edge.foreignKey();
            JsonObject k = new JsonObject();
            k.addProperty("id", "k" + n++);
            k.addProperty("source", ids.get(edge.from()));
            k.addProperty("target", ids.get(edge.to()));
            k.addProperty("name", fk.name() == null ? "" : fk.name());
            k.add("fromColumns", JsonText.strings(fk.from().columns()));
            k.add("toColumns", JsonText.strings(fk.to().columns()));
            k.addProperty("onDelete", fk.onDelete());
            k.addProperty("onUpdate", fk.onUpdate());
            k.addProperty("where", fk.file() + ":" + fk.line());
            k.addProperty("seed", fk.seed());
            if (edge.rejected()) {
                k.addProperty("rejected", edge.rejectedReason());
            }
            JsonArray findings = new JsonArray();
            for (Finding f : edge.findings()) {
                JsonObject link = new JsonObject();
                link.addProperty("anchor", anchors.get(f));
                link.addProperty("rule", f.ruleId());
                link.addProperty("severity", f.severity().id());
                link.addProperty("message", ReportText.oneLine(f.message()));
                findings.add(link);
            }
            k.add("findings", findings);
            keys.add(k);
        }
        JsonObject data = new JsonObject();
        data.add("tables", tables);
        data.add("foreignKeys", keys);
        return data;
    }

    /**
     * Text as HTML element content or a double- or single-quoted attribute value: {@code & < > " '} as entities,
     * control characters and bidirectional overrides made visible as {@code \}{@code uXXXX}.
     */
    static String escape(String text) {
        String visible = ReportText.oneLine(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A vendored script, with any {@code </script} inside it (in a string) broken up so it cannot end the element. */
    private static String script(String name) {
        return resource(name).replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("refguard resource missing: " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
