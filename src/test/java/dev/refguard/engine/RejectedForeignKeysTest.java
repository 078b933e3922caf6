package dev.refguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.schema.SchemaGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedForeignKeysTest {
    @TempDir
    Path base;

    private AnalysisResult analyze(String sql) throws IOException {
        Path dir = Files.createDirectories(base.resolve("db"));
        Files.writeString(dir.resolve("001_init.sql"), sql);
        RefguardConfig defaults = RefguardConfig.defaults(base);
        return Engine.analyze(new RefguardConfig(
                base,
                List.of("db"),
                defaults.seedPatterns(),
                defaults.identityTables(),
                null,
                List.of(),
                defaults.managedSchemas(),
                List.of(),
                java.util.Map.of(),
                defaults.encoding(),
                false,
                defaults.statementTimeout()));
    }

    @Test
    void countsForeignKeysWhoseTargetIsMissingOrThatPostgresqlRejects() throws IOException {
        AnalysisResult result = analyze("""
                CREATE TABLE accounts (id uuid PRIMARY KEY);
                CREATE TABLE orders (id bigint PRIMARY KEY, account_id uuid REFERENCES accounts(id));
                ALTER TABLE orders ADD COLUMN other_id text, ADD COLUMN user_id uuid;
                ALTER TABLE orders
                  ADD FOREIGN KEY (user_id) REFERENCES users(id);
                ALTER TABLE orders ADD FOREIGN KEY (other_id) REFERENCES accounts(id);
                """);

        assertThat(result.stats().foreignKeys()).isEqualTo(1);
        assertThat(result.stats().rejectedForeignKeys()).isEqualTo(2);
        assertThat(result.stats().declaredForeignKeys()).isEqualTo(3);
        assertThat(result.graph().rejectedForeignKeys())
                .extracting(r -> r.foreignKey().from().columns().get(0) + " -> "
                        + r.foreignKey().to().table() + ": " + r.reason())
                .containsExactly("other_id -> accounts: type mismatch", "user_id -> users: target missing");
        SchemaGraph.ForeignKey missing =
                result.graph().rejectedForeignKeys().get(1).foreignKey();
        assertThat(missing.file()).isEqualTo("db/001_init.sql");
        assertThat(missing.line()).isEqualTo(5);
        assertThat(dev.refguard.report.ConsoleReport.summaryLine(result)).contains("3 foreign keys (2 rejected)");
    }

    @Test
    void anFkStatedTwiceOrFixedLaterIsNotCountedAsRejected() throws IOException {
        AnalysisResult result = analyze("""
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id uuid);
                ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users(id);
                ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users(id);
                CREATE TABLE users (id uuid PRIMARY KEY);
                ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users(id);
                """);

        assertThat(result.stats().foreignKeys()).isEqualTo(1);
        assertThat(result.stats().rejectedForeignKeys()).isZero();
    }
}
