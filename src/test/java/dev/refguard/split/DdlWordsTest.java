package dev.refguard.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdlWordsTest {

    /** The words of {@code text} split at blanks, upper-cased as a reader gives them. */
    private static DdlWords.Words words(String text) {
        String[] parts = text.isBlank() ? new String[0] : text.strip().split("\\s+");
        return i -> i >= 0 && i < parts.length ? parts[i].toUpperCase(Locale.ROOT) : null;
    }

    @Test
    void readsEachPersistenceOfPostgresql() {
        assertThat(DdlWords.persistence(words("TEMP TABLE"), 0)).isEqualTo(new DdlWords.Persistence(1, true, false));
        assertThat(DdlWords.persistence(words("global temporary table"), 0))
                .isEqualTo(new DdlWords.Persistence(2, true, false));
        assertThat(DdlWords.persistence(words("LOCAL TEMP TABLE"), 0))
                .isEqualTo(new DdlWords.Persistence(2, true, false));
        assertThat(DdlWords.persistence(words("UNLOGGED TABLE"), 0))
                .isEqualTo(new DdlWords.Persistence(1, false, true));
        assertThat(DdlWords.persistence(words("TABLE t"), 0)).isEqualTo(DdlWords.Persistence.PERMANENT);
        // PostgreSQL's grammar has no GLOBAL or LOCAL without TEMP (a syntax error on PostgreSQL 15)
        assertThat(DdlWords.persistence(words("LOCAL UNLOGGED TABLE"), 0)).isEqualTo(DdlWords.Persistence.PERMANENT);
    }

    @Test
    void aTableFollowsTheModifiersOrNoTableIsCreated() {
        assertThat(DdlWords.tableModifiers(words("CREATE TEMP TABLE t"), 1))
                .isEqualTo(new DdlWords.Persistence(1, true, false));
        assertThat(DdlWords.tableModifiers(words("CREATE TABLE t"), 1)).isEqualTo(DdlWords.Persistence.PERMANENT);
        assertThat(DdlWords.tableModifiers(words("CREATE TEMP VIEW v"), 1)).isNull();
        // a foreign table takes no key and no FK may reference it: not a table of the model
        assertThat(DdlWords.tableModifiers(words("CREATE FOREIGN TABLE f"), 1)).isNull();
        assertThat(DdlWords.tableModifiers(words("CREATE GLOBAL TABLE t"), 1)).isNull();
    }

    @Test
    void readsEveryReferentialActionWithItsWords() {
        for (String action : DdlWords.REFERENTIAL_ACTIONS) {
            assertThat(DdlWords.referentialAction(words("ON DELETE " + action + " ON UPDATE"), 2))
                    .isEqualTo(action);
        }
        assertThat(DdlWords.REFERENTIAL_ACTIONS)
                .containsExactly("CASCADE", "RESTRICT", "NO ACTION", "SET NULL", "SET DEFAULT");
        assertThat(DdlWords.referentialAction(words("SET FROBNICATE"), 0)).isNull();
        assertThat(DdlWords.referentialAction(words("NO"), 0)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "OWNER TO x",
                "ENABLE ROW LEVEL SECURITY",
                "DISABLE TRIGGER ALL",
                "FORCE ROW LEVEL SECURITY",
                "NO FORCE ROW LEVEL SECURITY",
                "VALIDATE CONSTRAINT c",
                "ALTER CONSTRAINT c DEFERRABLE",
                "SET ( fillfactor = 70 )",
                "RESET ( fillfactor )",
                "SET TABLESPACE fast",
                "SET WITHOUT CLUSTER",
                "SET ACCESS METHOD heap",
                "CLUSTER ON i",
                "INHERIT p",
                "NO INHERIT p",
                "OF t",
                "NOT OF",
                "OPTIONS ( ADD x 'y' )",
                "ATTACH PARTITION p FOR VALUES IN ( 1 )",
                "DETACH PARTITION p",
                "REPLICA IDENTITY FULL"
            })
    void knowsTheAlterTableActionsThatChangeNothingModelled(String action) {
        assertThat(DdlWords.harmlessAlterAction(words(action), 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ADD COLUMN a int",
                "DROP COLUMN a",
                "SET SCHEMA s",
                "SET LOGGED",
                "SET UNLOGGED",
                "RENAME TO u",
                "ALTER COLUMN a TYPE int",
                "CLUSTER",
                "NO FROBNICATE",
                "SET ACCESS heap"
            })
    void anActionThatChangesTheModelIsNotHarmless(String action) {
        assertThat(DdlWords.harmlessAlterAction(words(action), 0)).isFalse();
    }

    @Test
    void knowsTheColumnActionsThatKeepTypeAndDefault() {
        for (String action : Arrays.asList(
                "SET NOT NULL",
                "DROP NOT NULL",
                "SET STATISTICS 100",
                "SET STORAGE EXTERNAL",
                "SET COMPRESSION pglz",
                "ADD GENERATED ALWAYS AS IDENTITY",
                "DROP IDENTITY IF EXISTS",
                "DROP EXPRESSION",
                "RESTART WITH 5",
                "SET NO CYCLE",
                "OPTIONS ( ADD x 'y' )")) {
            assertThat(DdlWords.harmlessColumnAction(words(action), 0))
                    .as(action)
                    .isTrue();
        }
        for (String action : Arrays.asList("DROP DEFAULT", "SET DEFAULT 1", "TYPE int", "SET DATA TYPE int")) {
            assertThat(DdlWords.harmlessColumnAction(words(action), 0))
                    .as(action)
                    .isFalse();
        }
    }

    @Test
    void unquotesANameAsPostgresqlDoes() {
        assertThat(DdlWords.unquote("\"User\"")).isEqualTo("User");
        assertThat(DdlWords.unquote("\"a\"\"b\"")).isEqualTo("a\"b");
        assertThat(DdlWords.unquote("\"\"\"\"")).isEqualTo("\"");
        // "zero-length delimited identifier" on PostgreSQL 15
        assertThat(DdlWords.unquote("\"\"")).isNull();
        assertThat(DdlWords.quotedNameProblem("\"\"")).isEqualTo("zero-length quoted name");
        assertThat(DdlWords.unquote("\"a\"b\"")).isNull();
        assertThat(DdlWords.quotedNameProblem("\"a\"b\"")).isEqualTo("malformed quoted name \"a\"b\"");
        assertThat(DdlWords.unquote("abc")).isNull();
        assertThat(DdlWords.quotedNameProblem("abc")).isEqualTo("not a quoted name: abc");
        assertThat(DdlWords.quotedNameProblem("\"User\"")).isNull();
    }
}
