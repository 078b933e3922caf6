package dev.refguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.MigrationParser;
import dev.refguard.parse.ParsedFile;
import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.block.BlockStep;
import dev.refguard.source.MigrationFile;
import dev.refguard.split.StatementKind;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No structure keeps a file's text alive once the file is parsed: walks everything a {@link ParsedFile}
 * reaches (records, collections, strings) without a heap dump, and measures the strings in it.
 */
class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void aParsedFileHoldsFactsNotStatementText() throws Exception {
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE TABLE parents (id bigint PRIMARY KEY);\n");
        sql.append("/* ")
                .append("a long commented-out block of old data; ".repeat(20_000))
                .append("*/\n");
        sql.append("-- refguard:ignore-file unenforced-reference seed data only\n");
        int wideStart = sql.length();
        sql.append("CREATE TABLE wide (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id)");
        for (int i = 0; i < 20_000; i++) {
            sql.append(",\n  column_number_").append(i).append(" text DEFAULT 'some default value'");
        }
        sql.append(");\n");
        int wideChars = sql.length() - wideStart;
        sql.append("DO $$ BEGIN ALTER TABLE wide ADD CONSTRAINT w FOREIGN KEY (id) REFERENCES parents(id); END $$;\n");
        for (int s = 0; s < 200; s++) {
            sql.append("INSERT INTO parents (id) VALUES (").append(s).append(")");
            for (int r = 0; r < 5_000; r++) {
                sql.append(", (").append(s * 5_000 + r).append(")");
            }
            sql.append(";\n");
        }
        Path path = dir.resolve("V1__big.sql");
        Files.writeString(path, sql, StandardCharsets.UTF_8);
        long fileChars = sql.length();

        ParsedFile parsed;
        try (MigrationParser parser = new MigrationParser(Duration.ofSeconds(5), 1)) {
            parsed = parser.parseAll(List.of(new MigrationFile(path, "db/V1__big.sql", false)), StandardCharsets.UTF_8)
                    .get(0);
        }

        Reach reach = Reach.of(parsed);
        System.out.printf(
                "[hostile] a parsed file of %d chars keeps %d strings of %d chars in all, the longest %d chars%n",
                fileChars, reach.strings, reach.totalChars, reach.longest);
        // two tables and the DO block; the block holds the ALTER inside it as one of its steps
        assertThat(parsed.statements())
                .extracting(ParsedStatement::kind)
                .containsExactly(StatementKind.CREATE_TABLE, StatementKind.CREATE_TABLE, StatementKind.DO_BLOCK);
        assertThat(parsed.statements().get(2).changes())
                .singleElement()
                .isInstanceOfSatisfying(
                        SchemaChange.DoBlock.class,
                        block -> assertThat(block.body())
                                .singleElement()
                                .isInstanceOfSatisfying(
                                        BlockStep.Run.class,
                                        run -> assertThat(run.statement().kind())
                                                .isEqualTo(StatementKind.ALTER_TABLE)));
        assertThat(parsed.skippedStatements()).isEqualTo(200);
        assertThat(parsed.comments()).hasSize(1);
        assertThat(reach.longest).as("the longest string kept").isLessThan(1_000);
        // the wide table's column names, types and defaults are facts, less than its text; the comment
        // block and the INSERTs (nearly all of the file) are not kept at all
        assertThat(reach.totalChars).as("chars kept in all").isLessThan(wideChars);
    }

    /** The strings reachable from an object through record components and collections. */
    private static final class Reach {
        long strings;
        long totalChars;
        long longest;

        static Reach of(Object root) throws ReflectiveOperationException {
            Reach reach = new Reach();
            Map<Object, Boolean> seen = new IdentityHashMap<>();
            Deque<Object> pending = new java.util.LinkedList<>(); // takes nulls
            pending.push(root);
            while (!pending.isEmpty()) {
                Object o = pending.pop();
                if (o == null || seen.put(o, Boolean.TRUE) != null) {
                    continue;
                }
                if (o instanceof String s) {
                    reach.strings++;
                    reach.totalChars += s.length();
                    reach.longest = Math.max(reach.longest, s.length());
                } else if (o instanceof Collection<?> c) {
                    c.forEach(pending::push);
                } else if (o instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> {
                        pending.push(k);
                        pending.push(v);
                    });
                } else if (o instanceof Optional<?> opt) {
                    opt.ifPresent(pending::push);
                } else if (o.getClass().isRecord()) {
                    for (RecordComponent rc : o.getClass().getRecordComponents()) {
                        pending.push(rc.getAccessor().invoke(o));
                    }
                } else if (o instanceof CharSequence cs) {
                    throw new AssertionError("a " + o.getClass().getName() + " of " + cs.length() + " chars is kept");
                } else if (!(o instanceof Enum<?>
                        || o instanceof Number
                        || o instanceof Boolean
                        || o instanceof Path)) {
                    throw new AssertionError(
                            "cannot see into a kept " + o.getClass().getName());
                }
            }
            return reach;
        }
    }
}
