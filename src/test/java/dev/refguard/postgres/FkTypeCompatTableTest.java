package dev.refguard.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed FK type-compatibility table is PostgreSQL's: the derivation script's answer equals what the server
 * does when every FK is created, and the committed file equals the script's answer on the server the tests start.
 * Needs PostgreSQL server binaries; only {@code -Drefguard.skipPostgres=true} skips it.
 */
class FkTypeCompatTableTest {
    private static final Path BASE_DIR =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();

    private static PostgresServer server;
    private static String database;
    private static FkTypeCompatGenerator.Table table;
    private static String major;

    @BeforeAll
    static void start() throws SQLException, IOException {
        assumeFalse(
                Boolean.getBoolean(PostgresServer.SKIP_PROPERTY),
                "skipped by -D" + PostgresServer.SKIP_PROPERTY + "=true");
        server = PostgresServer.start(BASE_DIR.resolve("target"));
        database = server.createDatabase("fk_type_compat");
        try (Connection c = server.connect(database)) {
            table = FkTypeCompatGenerator.query(c);
            major = FkTypeCompatGenerator.majorVersion(c);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void scriptAnswersAsTheServerDoesForEveryPair() throws SQLException {
        List<String> names = table.types().stream()
                .map(FkTypeCompatGenerator.KnownType::name)
                .toList();
        assertThat(names).as("types the script lists").hasSizeGreaterThan(50).contains("citext", "uuid", "integer");
        FkTypeCompatGenerator.Observed observed;
        try (Connection c = server.connect(database)) {
            observed = FkTypeCompatGenerator.tryEveryPair(c, names);
        }
        assertThat(observed.unexpected()).as("errors other than 42804").isEmpty();
        Set<String> keyable = new LinkedHashSet<>();
        table.types().stream().filter(FkTypeCompatGenerator.KnownType::keyable).forEach(t -> keyable.add(t.name()));
        assertThat(keyable).as("types that can be a key").isEqualTo(observed.keyable());
        Set<List<String>> derived = table.accepted();
        Set<List<String>> onlyDerived = new LinkedHashSet<>(derived);
        onlyDerived.removeAll(observed.accepted());
        Set<List<String>> onlyObserved = new LinkedHashSet<>(observed.accepted());
        onlyObserved.removeAll(derived);
        assertThat(onlyDerived)
                .as("pairs the script accepts but PostgreSQL rejects")
                .isEmpty();
        assertThat(onlyObserved)
                .as("pairs PostgreSQL accepts but the script does not")
                .isEmpty();
        // the bullets of docs/rules.md, as the server answered them
        assertThat(derived)
                .contains(
                        List.of("character varying", "text"),
                        List.of("integer", "bigint"),
                        List.of("date", "timestamp with time zone"))
                .doesNotContain(
                        List.of("text", "uuid"),
                        List.of("text", "citext"),
                        List.of("numeric", "bigint"),
                        List.of("double precision", "integer"));
    }

    @Test
    void committedTableIsTheOneThisServerGives() throws IOException {
        String expected = FkTypeCompatGenerator.render(table, major);
        Path file = BASE_DIR.resolve(FkTypeCompatGenerator.TABLE);
        if (Boolean.getBoolean(FkTypeCompatGenerator.REGENERATE_PROPERTY)) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as(
                        "%s differs from what PostgreSQL %s gives; regenerate it with: %s",
                        FkTypeCompatGenerator.TABLE, major, FkTypeCompatGenerator.REGENERATE_COMMAND)
                .isEqualTo(expected);
    }
}
