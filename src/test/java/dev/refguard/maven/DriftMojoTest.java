package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.refguard.postgres.PostgresServer;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code drift} goal's execute path, parameters injected as Maven would (the settings' {@code <server>}
 * included), against the suite's real PostgreSQL server: the login comes from the server of {@code serverId}, the
 * reports go to {@code outputDirectory/drift}, findings fail the build as {@code check}'s do, and a refused login is
 * one line. Needs PostgreSQL server binaries; only {@code -Drefguard.skipPostgres=true} skips it.
 */
class DriftMojoTest {
    private static final Path BASE_DIR =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    private static final String MIGRATION = "supabase/migrations/20240101000000_posts.sql";
    private static final String SQL = "create table public.posts (id bigint primary key, title text not null);\n";

    private static PostgresServer server;

    @TempDir
    Path base;

    @BeforeAll
    static void startPostgres() {
        assumeFalse(
                Boolean.getBoolean(PostgresServer.SKIP_PROPERTY),
                "skipped by -D" + PostgresServer.SKIP_PROPERTY + "=true");
        server = PostgresServer.start(BASE_DIR.resolve("target"));
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(base.resolve(MIGRATION).getParent());
        Files.writeString(base.resolve(MIGRATION), SQL);
    }

    @Test
    void aDatabaseThatMatchesPassesAndTheReportsGoToTheDriftFolder() throws Exception {
        String database = database("mojo_clean", "");

        mojo(database, PostgresServer.SUPERUSER).execute();

        JsonObject json = JsonParser.parseString(
                        Files.readString(base.resolve("target/refguard/drift/refguard.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertThat(json.getAsJsonArray("findings")).isEmpty();
        assertThat(base.resolve("target/refguard/refguard.json")).doesNotExist();
    }

    @Test
    void aDriftFailsTheBuildWithCheckSOneLine() throws Exception {
        String database = database("mojo_drift", "create table public.audit_log (id int);");

        assertThatThrownBy(() -> mojo(database, PostgresServer.SUPERUSER).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("refguard: 1 finding at or above error (1 drift-table-not-in-migrations); see"
                        + " target/refguard/drift/refguard.sarif");
    }

    @Test
    void theLoginOfTheSettingsServerIsUsedAndARefusedOneIsOneLine() throws Exception {
        String database = database("mojo_login", "");

        assertThatThrownBy(() -> mojo(database, "no_such_role").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("refguard: the database refused the login of user 'no_such_role' at"
                        + " jdbc:postgresql://127.0.0.1:")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("pw-from-settings")
                .hasNoCause();
    }

    /** The goal as Maven injects it for a project with a pom in {@link #base}, the login in a settings server. */
    private DriftMojo mojo(String database, String username) {
        MavenProject project = new MavenProject();
        project.setFile(base.resolve("pom.xml").toFile());
        Server login = new Server();
        login.setId("refguard");
        login.setUsername(username);
        login.setPassword("pw-from-settings");
        Settings settings = new Settings();
        settings.addServer(login);
        DriftMojo mojo = new DriftMojo();
        set(mojo, "project", project);
        set(mojo, "failOn", "error");
        set(mojo, "statementTimeout", "5000");
        set(mojo, "outputDirectory", new File(base.toFile(), "target/refguard"));
        set(mojo, "url", "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database);
        set(mojo, "serverId", "refguard");
        set(mojo, "driftTimeout", "10");
        set(mojo, "settings", settings);
        return mojo;
    }

    private String database(String prefix, String drift) throws SQLException {
        String name = server.createDatabase(prefix);
        try (Connection c = server.connect(name);
                Statement s = c.createStatement()) {
            s.execute(SQL);
            if (!drift.isBlank()) {
                s.execute(drift);
            }
        }
        return name;
    }

    private static void set(Object mojo, String name, Object value) {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("DriftMojo has no parameter field '" + name + "'");
    }
}
