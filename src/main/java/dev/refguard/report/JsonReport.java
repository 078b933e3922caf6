package dev.refguard.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.AnalysisStats;
import dev.refguard.findings.Finding;
import dev.refguard.schema.SchemaGraph;

/**
 * {@code refguard.json} (README, "Reports"): the findings, the final schema graph and the counts, for tools and
 * for comparing the graph with PostgreSQL's own catalog. Keys come in a fixed order and nothing depends
 * on the machine or the clock, so the same input gives the same bytes.
 */
public final class JsonReport {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "refguard.json";

    private JsonReport() {}

    /** The whole file as text, ending with a newline. */
    public static String render(AnalysisResult result) {
        JsonObject root = new JsonObject();
        JsonArray findings = new JsonArray();
        result.findings().forEach(f -> findings.add(finding(f)));
        root.add("findings", findings);
        root.add("graph", graph(result.graph()));
        root.add("stats", stats(result.stats()));
        return JsonText.render(root);
    }

    private static JsonObject finding(Finding f) {
        JsonObject o = new JsonObject();
        o.addProperty("ruleId", f.ruleId());
        o.addProperty("severity", f.severity().id());
        o.addProperty("file", f.location().file());
        o.addProperty("line", f.location().line());
        o.addProperty("column", f.location().column());
        o.addProperty("message", f.message());
        o.addProperty("hint", f.hint());
        o.addProperty("fix", f.fix());
        o.addProperty("fingerprint", f.fingerprint());
        o.addProperty("baselined", f.baselined());
        o.addProperty("preexisting", f.preexisting());
        if (!f.cascades().isEmpty()) {
            // the later statements that fail only because this one does (docs/replay.md, "Rejected statements
            // and cascades")
            JsonArray cascades = new JsonArray();
            for (Finding.Cascade c : f.cascades()) {
                JsonObject at = new JsonObject();
                at.addProperty("file", c.location().file());
                at.addProperty("line", c.location().line());
                at.addProperty("column", c.location().column());
                at.addProperty("reason", c.reason());
                cascades.add(at);
            }
            o.add("cascades", cascades);
        }
        return o;
    }

    private static JsonObject graph(SchemaGraph graph) {
        JsonArray tables = new JsonArray();
        for (SchemaGraph.Table t : graph.tables()) {
            JsonObject o = new JsonObject();
            o.addProperty("history", t.history());
            o.addProperty("schema", t.schema());
            o.addProperty("name", t.name());
            o.addProperty("file", t.file());
            o.addProperty("seed", t.seed());
            o.addProperty("incomplete", t.incomplete());
            o.add("primaryKey", JsonText.strings(t.primaryKey()));
            JsonArray columns = new JsonArray();
            for (SchemaGraph.Column c : t.columns()) {
                JsonObject column = new JsonObject();
                column.addProperty("name", c.name());
                column.addProperty("type", c.type());
                columns.add(column);
            }
            o.add("columns", columns);
            tables.add(o);
        }
        JsonArray foreignKeys = new JsonArray();
        for (SchemaGraph.ForeignKey fk : graph.foreignKeys()) {
            foreignKeys.add(foreignKey(fk));
        }
        JsonArray rejected = new JsonArray();
        for (SchemaGraph.RejectedForeignKey r : graph.rejectedForeignKeys()) {
            JsonObject o = foreignKey(r.foreignKey());
            o.addProperty("reason", r.reason());
            rejected.add(o);
        }
        JsonObject o = new JsonObject();
        o.add("tables", tables);
        o.add("foreignKeys", foreignKeys);
        // not part of the catalog PostgreSQL builds: the keys it would refuse, kept apart from "foreignKeys"
        o.add("rejectedForeignKeys", rejected);
        return o;
    }

    private static JsonObject foreignKey(SchemaGraph.ForeignKey fk) {
        JsonObject o = new JsonObject();
        o.addProperty("history", fk.history());
        o.add("from", endpoint(fk.from()));
        o.add("to", endpoint(fk.to()));
        o.addProperty("name", fk.name());
        o.addProperty("onDelete", fk.onDelete());
        o.addProperty("onUpdate", fk.onUpdate());
        o.addProperty("file", fk.file());
        o.addProperty("line", fk.line());
        o.addProperty("seed", fk.seed());
        return o;
    }

    private static JsonObject endpoint(SchemaGraph.Endpoint endpoint) {
        JsonObject o = new JsonObject();
        if (endpoint == null) {
            return o;
        }
        o.addProperty("schema", endpoint.schema());
        o.addProperty("table", endpoint.table());
        o.add("columns", JsonText.strings(endpoint.columns()));
        return o;
    }

    /** The counts, as {@code refguard.json} and the SARIF run properties show them. */
    static JsonObject stats(AnalysisStats stats) {
        JsonObject o = new JsonObject();
        o.add("histories", JsonText.strings(stats.histories()));
        o.addProperty("files", stats.files());
        o.addProperty("statements", stats.statements());
        o.addProperty("parsed", stats.parsed());
        o.addProperty("fallback", stats.fallback());
        o.addProperty("skipped", stats.skipped());
        o.addProperty("unreadable", stats.unreadable());
        o.addProperty("tables", stats.tables());
        o.addProperty("foreignKeys", stats.foreignKeys());
        o.addProperty("rejectedForeignKeys", stats.rejectedForeignKeys());
        o.addProperty("declaredForeignKeys", stats.declaredForeignKeys());
        o.addProperty("coveragePercent", ReportText.coverage(stats));
        return o;
    }
}
