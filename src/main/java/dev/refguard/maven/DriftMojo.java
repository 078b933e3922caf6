package dev.refguard.maven;

import dev.refguard.drift.DatabaseException;
import dev.refguard.drift.DatabaseTarget;
import dev.refguard.drift.Drift;
import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Compares a live PostgreSQL database with the migrations: the tables, columns, keys and foreign keys it has that no
 * migration creates (made in a dashboard), those the migrations create that it lacks, foreign keys and column types
 * that differ, and, in a Supabase database, applied migrations without a file and files not applied. The one goal
 * that connects to a database, and only to the one {@code refguard.url} names: it reads the catalogue in a
 * {@code READ ONLY} transaction and writes nothing. Findings, formats, {@code failOn} and {@code severities} work as in
 * {@code check} (the baseline file is {@code check}'s own and is not applied); the reports go to
 * {@code outputDirectory/drift}.
 *
 * <p>{@code mvn dev.refguard:refguard-maven-plugin:drift -Drefguard.url=jdbc:postgresql://host:5432/postgres}, the
 * login in {@code settings.xml} ({@code <server><id>refguard</id>...}) or in {@code REFGUARD_DB_USER} and
 * {@code REFGUARD_DB_PASSWORD}.
 *
 * @since 0.1.0
 */
@Mojo(name = "drift", threadSafe = true, requiresProject = false)
public class DriftMojo extends AbstractRefguardMojo {

    /**
     * The database to compare with, a PostgreSQL JDBC URL, e.g. {@code jdbc:postgresql://localhost:54322/postgres}.
     * Never with a password in it: the login comes from {@code serverId} or the environment.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.url")
    private String url;

    /**
     * The id of the {@code settings.xml} {@code <server>} whose {@code <username>} and {@code <password>} (encrypted
     * or not) log in. With no such server: the environment variables {@code REFGUARD_DB_USER} and
     * {@code REFGUARD_DB_PASSWORD}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.serverId", defaultValue = "refguard")
    private String serverId;

    /**
     * Seconds to connect and log in, and for each catalogue query ({@code statement_timeout}); {@code 10} or
     * {@code 10s}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.drift.timeout", defaultValue = "10")
    private String driftTimeout;

    /**
     * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info}, or {@code never} to
     * report only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.failOn", defaultValue = "error")
    private String failOn;

    /**
     * The reports to write, as for {@code check}; they go to {@code outputDirectory/drift}. Default:
     * {@code console, sarif, json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "refguard.formats")
    private List<String> formats;

    /** The user's settings, for the {@code <server>} that holds the login. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /** Decrypts a {@code <password>} encrypted with {@code mvn --encrypt-password}. */
    @Component
    private SettingsDecrypter decrypter;

    private DatabaseTarget target;

    @Override
    protected void prepare(CheckSettings checkSettings, Map<String, String> environment) throws MojoExecutionException {
        try {
            target = DriftParameters.target(url, serverId, server(), environment, driftTimeout);
        } catch (ConfigurationException e) {
            throw new UserErrorException("refguard: " + e.getMessage());
        }
        getLog().debug("refguard: drift against " + target);
    }

    @Override
    protected AnalysisResult examine(Engine.Analysis analysis, CheckSettings checkSettings)
            throws MojoExecutionException {
        if (analysis.replays().isEmpty()) {
            throw new UserErrorException("refguard: no migrations found to compare with the database (looked in "
                    + String.join(", ", analysis.result().lookedIn()) + "); set directories");
        }
        getLog().info("refguard: reading the catalogue of " + target.shownUrl() + " (read only)");
        try {
            return Drift.check(analysis, checkSettings.config(), target);
        } catch (DatabaseException e) {
            throw new UserErrorException("refguard: " + e.getMessage());
        } catch (RuntimeException e) {
            throw internalFailure("comparing the database with the migrations", e);
        }
    }

    /** The {@code <server>} of {@code serverId}, its password decrypted; {@code null} when there is none. */
    private DriftParameters.Server server() throws MojoExecutionException {
        if (settings == null || serverId == null || serverId.isBlank()) {
            return null;
        }
        Server server = settings.getServer(serverId.strip());
        if (server == null) {
            return null;
        }
        if (decrypter != null) {
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            if (!decrypted.getProblems().isEmpty()) {
                // the problem's own message may quote the encrypted text; say only where to look
                throw new UserErrorException("refguard: cannot decrypt the password of the <server> " + server.getId()
                        + " in settings.xml; check settings-security.xml");
            }
            server = decrypted.getServer();
        }
        return new DriftParameters.Server(server.getId(), server.getUsername(), server.getPassword());
    }

    /** The baseline file records {@code check}'s findings; a drift is fixed in the database or the migrations. */
    @Override
    protected boolean usesBaseline() {
        return false;
    }

    @Override
    protected String reportSubdirectory() {
        return "drift";
    }

    @Override
    protected List<String> formatsParameter() {
        return formats;
    }

    @Override
    protected String failOnParameter() {
        return failOn;
    }

    @Override
    protected void afterReports(AnalysisResult result, CheckSettings checkSettings, Path reportDir, Path baseDir)
            throws MojoFailureException {
        if (result.findings().isEmpty()) {
            getLog().info("refguard: the database matches the migrations");
        }
        CheckMojo.failOnFindings(result, checkSettings, reportDir, baseDir);
    }
}
