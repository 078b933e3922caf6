package dev.refguard.maven;

import dev.refguard.engine.AnalysisResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the schema graph the migrations build — {@code refguard.json} (tables, foreign keys, findings), the Mermaid
 * ER diagram {@code schema.mmd} and the Graphviz {@code schema.dot} — and never fails the build. Runs with or without
 * a pom: {@code mvn dev.refguard:refguard-maven-plugin:graph}.
 *
 * @since 0.1.0
 */
@Mojo(name = "graph", threadSafe = true, requiresProject = false)
public class GraphMojo extends AbstractRefguardMojo {
    private static final List<String> FORMATS = List.of("json", "mermaid", "dot");

    @Override
    protected List<String> formatsParameter() {
        return FORMATS;
    }

    @Override
    protected String failOnParameter() {
        return "never";
    }

    @Override
    protected void afterReports(AnalysisResult result, CheckSettings settings, Path reportDir, Path baseDir) {
        int tables = result.stats().tables();
        int keys = result.stats().foreignKeys();
        int rejected = result.stats().rejectedForeignKeys();
        getLog().info("refguard: schema graph of " + tables + (tables == 1 ? " table and " : " tables and ") + keys
                + (keys == 1 ? " foreign key" : " foreign keys")
                + (rejected == 0 ? "" : " (and " + rejected + " PostgreSQL would reject, drawn marked)")
                + " written to " + shown(reportDir, baseDir) + " (refguard.json, schema.mmd, schema.dot)");
    }
}
