package dev.refguard.maven;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.findings.Baseline;
import dev.refguard.report.ReportWriter;
import dev.refguard.scope.ScopeException;
import dev.refguard.source.SourceException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters and steps the goals share: turn the parameters into one configuration, run the engine, write the
 * reports. Subclasses decide which reports and whether findings fail the build.
 */
public abstract class AbstractRefguardMojo extends AbstractMojo {

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Migration roots, relative to the base directory; the directories named together form one history. When none is
     * set, the Supabase, Prisma, Flyway (as the pom's flyway-maven-plugin or Spring Boot configures it), Liquibase,
     * dbmate, goose and golang-migrate layouts below the base directory are discovered. A comma-separated list, or
     * one {@code <directory>} element per root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.directories")
    private List<String> directories;

    /**
     * Glob patterns (case-insensitive, relative to the base directory) of files and folders that hold seed or demo
     * data rather than production schema. A comma-separated list, or one {@code <seedPattern>} element per pattern.
     * Default: {@code **}{@code /*seed*}{@code /**, **}{@code /*seed*.sql, **}{@code /*demo*}{@code /**,
     * **}{@code /*demo*.sql, **}{@code /*fixture*}{@code /**, **}{@code /*fixture*.sql, **}{@code /*sample?data*}{@code
     * /**, **}{@code /*sample?data*.sql, **}{@code /testdata/**, **}{@code /test-data/**}. A bare {@code sample} is
     * not seed data: a lab app's {@code create_samples} migration is schema.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.seedPatterns")
    private List<String> seedPatterns;

    /**
     * Tables that all stand for the same user identity; foreign keys of application tables must not point at more
     * than one of them. A comma-separated list, or one {@code <identityTable>} element per table. Default:
     * {@code auth.users, public.users}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.identityTables")
    private List<String> identityTables;

    /**
     * The identity table every foreign key must use; a foreign key to any other identity table is an error. When not
     * set, the identity table most foreign keys reference is taken as canonical.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.canonicalIdentityTable")
    private String canonicalIdentityTable;

    /**
     * Tables owned by someone else, e.g. other projects on the same database. {@code CREATE TABLE IF NOT EXISTS} on
     * them is an error. A comma-separated list, or one {@code <sharedTable>} element per table.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.sharedTables")
    private List<String> sharedTables;

    /**
     * Schemas the platform owns: their tables exist without being created by a migration. A comma-separated list, or
     * one {@code <managedSchema>} element per schema. Default: {@code auth, storage, realtime, extensions, vault,
     * pgsodium, graphql, graphql_public, supabase_functions, supabase_migrations, cron, net, pg_catalog,
     * information_schema}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.managedSchemas")
    private List<String> managedSchemas;

    /**
     * Other tables that exist without being created by a migration (schema-qualified, e.g. {@code legacy.accounts}).
     * A comma-separated list, or one {@code <externalTable>} element per table.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.externalTables")
    private List<String> externalTables;

    /**
     * Severity per rule id, overriding each rule's default: {@code error}, {@code warning}, {@code info} or
     * {@code off}, e.g. {@code <severities><fk-type-mismatch>warning</fk-type-mismatch></severities>}. An unknown rule
     * id or severity is a configuration error.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> severities;

    /**
     * Where the report files go ({@code refguard.sarif}, {@code refguard.json}); a relative path is taken from the
     * base directory. With no pom: {@code target/refguard} in the current directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.outputDirectory", defaultValue = "${project.build.directory}/refguard")
    private File outputDirectory;

    /**
     * How migration files are read. Default: {@code ${project.build.sourceEncoding}}, else UTF-8.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.encoding", defaultValue = "${project.build.sourceEncoding}")
    private String encoding;

    /**
     * The database the migrations run on: {@code postgresql}, {@code mysql} or {@code mariadb}. It decides how the
     * SQL is read (MySQL's backticks, {@code #} comments, {@code DELIMITER}), how names compare (MySQL keeps table
     * names' case, not column names') and which foreign keys the server accepts (InnoDB wants integer types of one
     * size and sign and an index on the referenced columns; MySQL ignores an inline column {@code REFERENCES}).
     * Default: what the project's {@code flyway-maven-plugin}, {@code liquibase-maven-plugin} or Spring Boot
     * configuration names by its JDBC URL or driver, else {@code postgresql}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.dialect")
    private String dialect;

    /**
     * The time bound of one statement's parse, in milliseconds; a statement that takes longer is reported as
     * {@code unparsed-statement} and the run goes on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.statementTimeout", defaultValue = "5000")
    private String statementTimeout;

    /**
     * Findings recorded by the {@code baseline} goal: they are reported as baselined and do not fail the build. Used
     * when the file exists. A relative path is taken from the base directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.baselineFile", defaultValue = "${project.basedir}/refguard-baseline.json")
    private File baselineFile;

    /**
     * Report nothing in the migrations up to and including this one, e.g. the newest migration already deployed when
     * refguard was adopted: a file name ({@code 20250101000000_init.sql}), a Prisma folder name, or a version
     * ({@code 20250101000000}, {@code V3}). The whole history is still replayed, so later findings are right.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.startAfter")
    private String startAfter;

    /**
     * For pull requests: only findings in migration files added or changed since the merge base with this git ref
     * (e.g. {@code origin/main}) fail the build; the others are reported as pre-existing. The whole history is still
     * replayed. Needs {@code git} and the ref's history in the clone ({@code fetch-depth: 0} on GitHub Actions).
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.sinceRef")
    private String sinceRef;

    /** The project; with no pom Maven provides a stub project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The build session; gives the current directory when there is no pom. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("refguard: skipped (refguard.skip=true)");
            return;
        }
        Path baseDir = baseDirectory();
        Map<String, String> environment = System.getenv();
        CheckSettings settings = settings(baseDir, environment);
        prepare(settings, environment);
        Path reportDir = reportDirectory(baseDir);
        getLog().debug("refguard: " + settings + ", reports in " + reportDir);

        AnalysisResult result = examine(analyze(settings, pinnedIdentityTables(baselinePath(baseDir))), settings);
        if (usesBaseline()) {
            result = applyBaseline(result, baselinePath(baseDir), baseDir);
        }
        writeReports(result, settings, reportDir, environment);
        afterReports(result, settings, reportDir, baseDir);
    }

    /**
     * Runs the analysis again with the same settings, e.g. to see what a file the goal wrote changed; the findings
     * are not marked baselined.
     */
    protected AnalysisResult analyzeAgain(CheckSettings settings, Path baseDir) throws MojoExecutionException {
        return analyze(settings, pinnedIdentityTables(baselinePath(baseDir))).result();
    }

    /**
     * What the goal checks of its own parameters once the shared ones are read, before the migrations are: a goal
     * that needs more than the migrations fails here, in one line, without waiting for the analysis.
     */
    protected void prepare(CheckSettings settings, Map<String, String> environment) throws MojoExecutionException {}

    /**
     * The result the reports show: the analysis itself for every goal but {@code drift}, which compares its model
     * with a database.
     */
    protected AnalysisResult examine(Engine.Analysis analysis, CheckSettings settings) throws MojoExecutionException {
        return analysis.result();
    }

    /** The folder below {@code outputDirectory} this goal's reports go to; empty for the folder itself. */
    protected String reportSubdirectory() {
        return "";
    }

    /** Whether recorded findings are marked baselined (every goal but {@code baseline} itself). */
    protected boolean usesBaseline() {
        return true;
    }

    /** {@code baselineFile}, resolved against the base directory. */
    protected Path baselinePath(Path baseDir) {
        if (baselineFile == null || baselineFile.getPath().contains("${")) {
            return baseDir.resolve("refguard-baseline.json");
        }
        return baseDir.resolve(baselineFile.toPath()).normalize();
    }

    private AnalysisResult applyBaseline(AnalysisResult result, Path file, Path baseDir) throws MojoExecutionException {
        if (!Files.isRegularFile(file)) {
            return result;
        }
        Baseline.Applied applied;
        try {
            applied = Baseline.read(file).apply(result.findings());
        } catch (IOException e) {
            throw new UserErrorException("refguard: cannot read the baseline " + shown(file, baseDir)
                    + " (baselineFile): " + OneLine.of(e.getMessage()));
        }
        if (applied.unmatchedEntries() > 0) {
            getLog().info("refguard: " + applied.unmatchedEntries() + " entries of " + shown(file, baseDir)
                    + " match no finding any more (fixed, or their statement changed); run refguard:baseline to"
                    + " prune them");
        }
        return result.withFindings(applied.findings());
    }

    /** {@code path} relative to the base directory when inside it, with {@code /}. */
    protected static String shown(Path path, Path baseDir) {
        Path p = path.startsWith(baseDir) ? baseDir.relativize(path) : path;
        return p.toString().replace('\\', '/');
    }

    /** The {@code formats} to write, as configured for this goal. */
    protected abstract List<String> formatsParameter();

    /** The {@code failOn} value of this goal ({@code never} for goals that only report). */
    protected abstract String failOnParameter();

    /**
     * What the goal does once the reports are written, e.g. fail the build.
     *
     * @param reportDir where the report files went
     * @param baseDir the base directory
     */
    protected abstract void afterReports(AnalysisResult result, CheckSettings settings, Path reportDir, Path baseDir)
            throws MojoExecutionException, MojoFailureException;

    private CheckSettings settings(Path baseDir, Map<String, String> environment) throws MojoExecutionException {
        CheckParameters parameters = CheckParameters.builder()
                .directories(directories)
                .seedPatterns(seedPatterns)
                .identityTables(identityTables)
                .canonicalIdentityTable(canonicalIdentityTable)
                .sharedTables(sharedTables)
                .managedSchemas(managedSchemas)
                .externalTables(externalTables)
                .severities(severities)
                .failOn(failOnParameter())
                .formats(formatsParameter())
                .encoding(encoding)
                .statementTimeout(statementTimeout)
                .dialect(dialect)
                .startAfter(startAfter)
                .sinceRef(sinceRef)
                .flywayPlugin(PluginConfigurations.of(project, "org.flywaydb", "flyway-maven-plugin"))
                .liquibasePlugin(PluginConfigurations.of(project, "org.liquibase", "liquibase-maven-plugin"))
                .build();
        try {
            return ConfigurationMapper.map(parameters, baseDir, hasPom(), environment);
        } catch (ConfigurationException e) {
            throw new UserErrorException("refguard: " + e.getMessage());
        } catch (RuntimeException e) {
            throw internalError("reading the configuration", e);
        }
    }

    /**
     * The canonical identity tables the baseline file pins, read before the analysis so that the inferred one
     * cannot flip; none when there is no file. A file that cannot be read pins nothing here: {@code check}
     * reports it when it applies the baseline, and {@code baseline} writes a new one.
     */
    private Map<String, String> pinnedIdentityTables(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return Baseline.read(file).canonicalIdentityTables();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private Engine.Analysis analyze(CheckSettings settings, Map<String, String> pinned) throws MojoExecutionException {
        try {
            return Engine.analyzeModel(settings.config(), pinned);
        } catch (SourceException e) {
            throw new UserErrorException("refguard: cannot read the migrations: " + e.getMessage());
        } catch (ScopeException e) {
            throw new UserErrorException("refguard: " + OneLine.of(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in refguard, not in the user's SQL (bad SQL becomes findings).
            throw internalError("analysing the migrations", e);
        }
    }

    private void writeReports(
            AnalysisResult result, CheckSettings settings, Path reportDir, Map<String, String> environment)
            throws MojoExecutionException {
        try {
            ReportWriter.write(
                    result,
                    settings.formats(),
                    settings.config().identityTables(),
                    reportDir,
                    new MavenLogSink(getLog(), consolePrefix()),
                    environment);
        } catch (IOException e) {
            // ReportWriter's message already names the path and says what is wrong with it
            String message = "refguard: " + OneLine.of(e.getMessage());
            if (message.contains(reportDir.toString())) {
                message += "; check outputDirectory (refguard.outputDirectory)";
            }
            throw new UserErrorException(message);
        } catch (RuntimeException e) {
            throw internalError("writing the reports", e);
        }
    }

    /** {@code [artifactId] } under a parallel build, so interleaved lines of two modules can be told apart. */
    private String consolePrefix() {
        boolean parallel = session != null && session.isParallel();
        return MavenLogSink.prefix(parallel, project == null ? null : project.getArtifactId());
    }

    /**
     * The project's base directory; with no pom it is the directory Maven was started in. Maven's stub project may
     * have no base directory of its own, so the session's execution root is the fallback.
     */
    private Path baseDirectory() {
        File basedir = project == null ? null : project.getBasedir();
        if (basedir == null && session != null && session.getExecutionRootDirectory() != null) {
            basedir = new File(session.getExecutionRootDirectory());
        }
        return (basedir == null ? Paths.get("") : basedir.toPath())
                .toAbsolutePath()
                .normalize();
    }

    /** Whether a real pom exists (not Maven's stub project of a pom-less run): then other modules are skipped. */
    private boolean hasPom() {
        return project != null && project.getFile() != null;
    }

    /**
     * {@code outputDirectory}, resolved against the base directory; {@code target/refguard} when Maven could not
     * evaluate the default (a stub project without a build directory); then this goal's
     * {@link #reportSubdirectory()}.
     */
    private Path reportDirectory(Path baseDir) {
        Path directory = outputDirectory == null || outputDirectory.getPath().contains("${")
                ? baseDir.resolve("target").resolve("refguard")
                : baseDir.resolve(outputDirectory.toPath()).normalize();
        return reportSubdirectory().isEmpty() ? directory : directory.resolve(reportSubdirectory());
    }

    /** A refguard bug: one line for the log, the cause kept so that {@code mvn -e} shows where it happened. */
    protected static MojoExecutionException internalFailure(String activity, Throwable cause) {
        return internalError(activity, cause);
    }

    /** A refguard bug: one line for the log, the cause kept so that {@code mvn -e} shows where it happened. */
    private static MojoExecutionException internalError(String activity, Throwable cause) {
        return new MojoExecutionException(
                "refguard: internal error while " + activity + " (" + describe(cause)
                        + "); run with -e for the stack trace and please report it",
                cause);
    }

    private static String describe(Throwable e) {
        String message = OneLine.of(e.getMessage());
        return message.isEmpty() ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + message;
    }
}
