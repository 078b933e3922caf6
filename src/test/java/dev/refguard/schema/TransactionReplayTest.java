package dev.refguard.schema;

import static dev.refguard.parse.SchemaChange.TransactionCommand.BEGIN;
import static dev.refguard.parse.SchemaChange.TransactionCommand.COMMIT;
import static dev.refguard.parse.SchemaChange.TransactionCommand.RELEASE_SAVEPOINT;
import static dev.refguard.parse.SchemaChange.TransactionCommand.ROLLBACK;
import static dev.refguard.parse.SchemaChange.TransactionCommand.ROLLBACK_TO_SAVEPOINT;
import static dev.refguard.parse.SchemaChange.TransactionCommand.SAVEPOINT;
import static dev.refguard.schema.ReplayScript.edges;
import static dev.refguard.schema.ReplayScript.file;
import static dev.refguard.schema.ReplayScript.rejections;
import static dev.refguard.schema.ReplayScript.resetPath;
import static dev.refguard.schema.ReplayScript.setPath;
import static dev.refguard.schema.ReplayScript.tables;
import static dev.refguard.schema.ReplayScript.tx;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactions, savepoints, sessions and search_path as PostgreSQL runs them (docs/replay.md, "Transactions"). */
class TransactionReplayTest {
    private static ReplayScript script;

    @BeforeAll
    static void start() {
        script = new ReplayScript();
    }

    @AfterAll
    static void stop() {
        script.close();
    }

    @Test
    void rollbackUndoesTablesAndForeignKeysSinceBegin() {
        ReplayResult r = script.replay(file(
                "create table a (id int primary key)",
                tx(BEGIN),
                "create table b (a_id int references a)",
                "alter table a add column x int",
                tx(ROLLBACK)));
        assertThat(tables(r)).containsExactly("public.a");
        assertThat(edges(r)).isEmpty();
        assertThat(r.tables().get(0).columns()).extracting(ModelColumn::name).containsExactly("id");
    }

    @Test
    void commitKeepsTheBlock() {
        ReplayResult r = script.replay(file(
                tx(BEGIN),
                "create table a (id int primary key)",
                "create table b (a_id int references a)",
                tx(COMMIT)));
        assertThat(edges(r)).containsExactly("public.b(a_id) -> public.a(id) b_a_id_fkey");
    }

    @Test
    void rollbackToSavepointUndoesOnlyWhatFollowsIt() {
        ReplayResult r = script.replay(file(
                tx(BEGIN),
                "create table a (id int primary key)",
                tx(SAVEPOINT, "s"),
                "create table b (id int)",
                tx(ROLLBACK_TO_SAVEPOINT, "s"),
                "create table c (id int)",
                tx(RELEASE_SAVEPOINT, "s"),
                tx(COMMIT)));
        assertThat(tables(r)).containsExactly("public.a", "public.c");
    }

    @Test
    void anErrorAbortsTheBlockUntilItsEndAndCommitThenRollsBack() {
        ReplayResult r = script.replay(file(
                tx(BEGIN),
                "create table a (id int primary key)",
                "create table b (x int references missing (id))",
                "create table c (id int)",
                tx(COMMIT),
                "create table d (id int)"));
        assertThat(tables(r)).containsExactly("public.d");
        assertThat(ReplayScript.cascades(r)).isEqualTo("4<-3");
    }

    @Test
    void rollbackToSavepointEndsTheAbortedState() {
        ReplayResult r = script.replay(file(
                tx(BEGIN),
                "create table a (id int primary key)",
                tx(SAVEPOINT, "s"),
                "create table b (x int references missing (id))",
                tx(ROLLBACK_TO_SAVEPOINT, "s"),
                "create table c (id int)",
                tx(COMMIT)));
        assertThat(tables(r)).containsExactly("public.a", "public.c");
    }

    @Test
    void aBlockLeftOpenAtTheEndOfItsFileIsRolledBack() {
        ReplayResult r =
                script.replay(file(tx(BEGIN), "create table a (id int primary key)"), file("create table b (id int)"));
        assertThat(tables(r)).containsExactly("public.b");
    }

    @Test
    void outsideABlockAFailedStatementIsUndoneWhole() {
        ReplayResult r = script.replay(file(
                "create table a (id int primary key)",
                "alter table a add column x int, add column id int",
                "create table b (a_id int references a, c_id int references nowhere)"));
        assertThat(tables(r)).containsExactly("public.a");
        assertThat(r.tables().get(0).columns()).extracting(ModelColumn::name).containsExactly("id");
        assertThat(rejections(r)).containsExactly("m/1.sql:2 column \"id\" of relation \"a\" already exists");
    }

    @Test
    void setLocalLastsUntilTheEndOfItsTransaction() {
        ReplayResult r = script.replay(file(
                "create schema app",
                tx(BEGIN),
                setPath(true, "app"),
                "create table t1 (id int)",
                tx(COMMIT),
                "create table t2 (id int)",
                setPath(true, "app"),
                "create table t3 (id int)"));
        assertThat(tables(r)).containsExactly("app.t1", "public.t2", "public.t3");
    }

    @Test
    void rollbackUndoesASessionSetMadeInTheBlock() {
        ReplayResult r = script.replay(
                file("create schema app", tx(BEGIN), setPath(false, "app"), tx(ROLLBACK), "create table t (id int)"));
        assertThat(tables(r)).containsExactly("public.t");
    }

    @Test
    void resetAndDefaultGoBackToPublic() {
        ReplayResult r = script.replay(file(
                "create schema app",
                setPath(false, "app"),
                "create table t1 (id int)",
                resetPath(),
                "create table t2 (id int)"));
        assertThat(tables(r)).containsExactly("app.t1", "public.t2");
    }

    @Test
    void aSearchPathSchemaThatDoesNotExistIsSkipped() {
        ReplayResult r = script.replay(file(setPath(false, "nosuch", "public"), "create table t (id int)"));
        assertThat(tables(r)).containsExactly("public.t");
        assertThat(rejections(r)).isEmpty();
    }

    @Test
    void aSearchPathWithoutAnyExistingSchemaLeavesNowhereToCreate() {
        ReplayResult r = script.replay(file(setPath(false, "nosuch"), "create table t (id int)"));
        assertThat(tables(r)).isEmpty();
        assertThat(rejections(r)).containsExactly("m/1.sql:2 no schema has been selected to create in");
    }

    @Test
    void creatingInASchemaThatDoesNotExistIsRejected() {
        ReplayResult r =
                script.replay(file("create table nosuch.t (id int)", "create schema s", "create table s.t (id int)"));
        assertThat(tables(r)).containsExactly("s.t");
        assertThat(rejections(r)).containsExactly("m/1.sql:1 schema \"nosuch\" does not exist");
    }

    @Test
    void eachFileIsASessionOfItsOwn() {
        ReplayResult r = script.replay(
                file("create schema app", setPath(false, "app"), "create table t1 (id int)"),
                file("create table t2 (id int)"));
        assertThat(tables(r)).containsExactly("app.t1", "public.t2");
    }

    @Test
    void eventsKeepTheFactsOfTheirMoment() {
        ReplayResult r = script.replay(file(
                "create table a (id int primary key)",
                "create table b (a_id int references a)",
                "alter table a add column late int"));
        ReplayEvent.ReferenceResolved fk = r.events().stream()
                .filter(ReplayEvent.ReferenceResolved.class::isInstance)
                .map(ReplayEvent.ReferenceResolved.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(fk.target().columns()).extracting(ModelColumn::name).containsExactly("id");
    }
}
