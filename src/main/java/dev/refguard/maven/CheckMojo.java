package dev.refguard.maven;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Replays the project's SQL migrations without a database, writes the reports, and fails the build when foreign-key
 * references break (findings at or above {@code failOn}).
 *
 * <p>Runs in the {@code verify} phase when bound in a pom, or by hand in any directory, with or without a pom:
 * {@code mvn dev.refguard:refguard-maven-plugin:check}.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractRefguardMojo {

    /**
     * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info}, or {@code never} to
     * report only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.failOn", defaultValue = "error")
    private String failOn;

    /**
     * The reports to write: any of {@code console}, {@code sarif}, {@code json}, {@code github}, {@code gitlab}
     * ({@code gl-code-quality-report.json}), {@code checkstyle} ({@code refguard-checkstyle.xml}), {@code junit}
     * ({@code refguard-junit.xml}), {@code markdown} ({@code refguard.md}), {@code mermaid} ({@code schema.mmd}),
     * {@code dot} ({@code schema.dot}), {@code html} ({@code index.html}, a self-contained page with the findings and
     * an interactive schema diagram); comma-separated or one {@code <format>} element each. {@code github} is
     * added by itself when the environment has {@code GITHUB_ACTIONS=true}. Default: {@code console, sarif, json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.formats")
    private List<String> formats;

    @Override
    protected List<String> formatsParameter() {
        return formats;
    }

    @Override
    protected String failOnParameter() {
        return failOn;
    }

    @Override
    protected void afterReports(AnalysisResult result, CheckSettings settings, Path reportDir, Path baseDir)
            throws MojoFailureException {
        failOnFindings(result, settings, reportDir, baseDir);
    }

    /** Fails the build when findings at or above {@code failOn} are neither baselined nor pre-existing. */
    static void failOnFindings(AnalysisResult result, CheckSettings settings, Path reportDir, Path baseDir)
            throws MojoFailureException {
        Severity threshold = settings.failOn();
        if (threshold == null) {
            return;
        }
        List<Finding> failing = result.failing(threshold);
        if (!failing.isEmpty()) {
            throw new MojoFailureException(
                    FailureMessage.of(failing, threshold, settings.formats(), reportDir, baseDir));
        }
    }
}
