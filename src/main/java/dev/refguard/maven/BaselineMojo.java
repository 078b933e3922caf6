package dev.refguard.maven;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Baseline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Records today's findings in the baseline file ({@code baselineFile}, {@code refguard-baseline.json} in the base
 * directory by default), so that a legacy project can adopt refguard and {@code check} fails only on new findings.
 * Commit the file; run the goal again to prune entries whose findings are fixed. Never fails the build on findings.
 *
 * @since 0.1.0
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public class BaselineMojo extends AbstractRefguardMojo {
    private static final List<String> FORMATS = List.of("console");

    @Override
    protected boolean usesBaseline() {
        return false;
    }

    @Override
    protected List<String> formatsParameter() {
        return FORMATS;
    }

    @Override
    protected String failOnParameter() {
        return "never";
    }

    @Override
    protected void afterReports(AnalysisResult result, CheckSettings settings, Path reportDir, Path baseDir)
            throws MojoExecutionException {
        Path file = baselinePath(baseDir);
        try {
            Baseline.of(result.findings(), result.canonicalIdentityTables()).write(file);
        } catch (IOException e) {
            throw new UserErrorException("refguard: cannot write the baseline " + shown(file, baseDir)
                    + " (baselineFile): " + OneLine.of(e.getMessage()));
        }
        getLog().info("refguard: recorded " + result.findings().size() + " findings in " + shown(file, baseDir)
                + "; commit it, and check fails only on new findings");
        result.canonicalIdentityTables()
                .forEach((history, table) -> getLog().info("refguard: pinned " + table
                        + " as the canonical identity table of " + history + " in " + shown(file, baseDir)
                        + " (set canonicalIdentityTable to decide it yourself)"));
    }
}
