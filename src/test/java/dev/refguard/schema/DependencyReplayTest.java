package dev.refguard.schema;

import static dev.refguard.schema.ReplayScript.edges;
import static dev.refguard.schema.ReplayScript.file;
import static dev.refguard.schema.ReplayScript.rejections;
import static dev.refguard.schema.ReplayScript.tables;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys, indexes, columns and the FKs that depend on them, as PostgreSQL 15 answered each case
 * (docs/replay.md, "Dependencies"); the messages are PostgreSQL's own.
 */
class DependencyReplayTest {
    private static final SourcePosition AT = new SourcePosition(1, 1);
    private static ReplayScript script;

    @BeforeAll
    static void start() {
        script = new ReplayScript();
    }

    @AfterAll
    static void stop() {
        script.close();
    }

    private static QualifiedName name(String n) {
        return QualifiedName.of(Identifier.of(n));
    }

    private static SchemaChange.AlterTable dropConstraint(String table, String constraint, boolean cascade) {
        return new SchemaChange.AlterTable(
                name(table),
                false,
                List.of(new SchemaChange.DropConstraint(Identifier.of(constraint), false, AT, cascade)),
                AT);
    }

    private static SchemaChange.DropIndex dropIndex(String index, boolean cascade) {
        return new SchemaChange.DropIndex(List.of(name(index)), false, cascade, AT);
    }

    private static final String A = "create table a (id int primary key, code text unique, x int)";

    @Test
    void droppingAKeyAnFkUsesIsRefusedWithoutCascade() {
        ReplayResult r = script.replay(
                file(A, "create table f (c text references a (code))", dropConstraint("a", "a_code_key", false)));
        assertThat(edges(r)).containsExactly("public.f(c) -> public.a(code) f_c_fkey");
        assertThat(rejections(r))
                .containsExactly(
                        "m/1.sql:3 cannot drop constraint a_code_key on table a because other objects depend on it");
    }

    @Test
    void droppingAKeyWithCascadeTakesItsFksAlong() {
        ReplayResult r = script.replay(file(
                A,
                "create table f (c text references a (code))",
                dropConstraint("a", "a_code_key", true),
                "create table g (c text references a (code))"));
        assertThat(edges(r)).isEmpty();
        assertThat(rejections(r)).isEmpty();
    }

    @Test
    void droppingTheUniqueIndexAnFkUsesIsRefusedWithoutCascade() {
        ReplayResult r = script.replay(file(
                A,
                "create unique index a_x_idx on a (x)",
                "create table f (c int references a (x))",
                dropIndex("a_x_idx", false),
                dropIndex("a_pkey", false),
                dropIndex("a_x_idx", true)));
        assertThat(edges(r)).isEmpty();
        assertThat(rejections(r))
                .containsExactly(
                        "m/1.sql:4 cannot drop index a_x_idx because other objects depend on it",
                        "m/1.sql:5 cannot drop index a_pkey because constraint a_pkey on table a requires it");
    }

    @Test
    void droppingAColumnTakesItsKeysAndNeedsCascadeForFksOfOtherTables() {
        ReplayResult r = script.replay(file(
                A,
                "create table f (c text references a (code))",
                "alter table a drop column code",
                "alter table a drop column code cascade",
                "create table g (c text references a (code))"));
        assertThat(edges(r)).isEmpty();
        assertThat(rejections(r))
                .containsExactly("m/1.sql:3 cannot drop column code of table a because other objects depend on it");
    }

    @Test
    void anFkDependsOnTheFirstKeyOverItsColumns() {
        ReplayResult r = script.replay(file(
                "create table w (id int)",
                "create unique index w_id_idx on w (id)",
                "alter table w add primary key (id)",
                "create table f (w int references w (id))",
                dropConstraint("w", "w_pkey", false),
                dropIndex("w_id_idx", false)));
        assertThat(rejections(r))
                .containsExactly("m/1.sql:6 cannot drop index w_id_idx because other objects depend on it");
        assertThat(edges(r)).containsExactly("public.f(w) -> public.w(id) f_w_fkey");
    }

    @Test
    void anFkToADeferrableKeyIsRejected() {
        SchemaChange.AlterTable deferrable = new SchemaChange.AlterTable(
                name("d"),
                false,
                List.of(new SchemaChange.AddKey(
                        new KeySpec(Identifier.of("d_code_key"), List.of(Identifier.of("code")), false, AT, true),
                        null,
                        AT)),
                AT);
        ReplayResult r = script.replay(
                file("create table d (id int, code text)", deferrable, "create table f (c text references d (code))"));
        assertThat(tables(r)).containsExactly("public.d");
        assertThat(rejections(r))
                .containsExactly("m/1.sql:3 cannot use a deferrable unique constraint for referenced table \"d\"");
    }

    @Test
    void aRenamedConstraintFreesItsOldName() {
        ReplayResult r = script.replay(file(
                "create table a (id int primary key, code text unique)",
                "alter table a rename constraint a_code_key to a_code_uq",
                "alter table a add unique (code)",
                "alter table a drop constraint a_code_uq",
                "alter table a drop constraint a_code_key",
                "create table f (c text references a (code))"));
        assertThat(edges(r)).isEmpty();
        assertThat(tables(r)).containsExactly("public.a");
    }

    @Test
    void likeIncludingIndexesCopiesKeysUnderTheNewTablesNames() {
        ReplayResult r = script.replay(file(
                A,
                "create table b (like a including all)",
                "create table c (like a)",
                "create table f (b_code text references b (code), c_code text references c (code))"));
        ModelTable b = r.tables().stream()
                .filter(t -> t.id().name().equals("b"))
                .findFirst()
                .orElseThrow();
        assertThat(b.keyConstraintNames()).containsExactly("b_pkey", "b_code_key");
        assertThat(tables(r)).containsExactly("public.a", "public.b", "public.c");
    }

    @Test
    void aPartitionTakesItsParentsKeysSoAnFkMayTargetIt() {
        ReplayResult r = script.replay(file(
                "create table p (id int, k text, primary key (id), unique (k, id)) partition by list (id)",
                "create table p1 partition of p for values in (1)",
                "create table f (p1 int references p1 (id))"));
        ModelTable p1 = r.tables().stream()
                .filter(t -> t.id().name().equals("p1"))
                .findFirst()
                .orElseThrow();
        assertThat(p1.keyConstraintNames()).containsExactly("p1_pkey", "p1_k_id_key");
        assertThat(edges(r)).containsExactly("public.f(p1) -> public.p1(id) f_p1_fkey");
    }

    @Test
    void createSchemaElementsAreCreatedInTheNewSchema() {
        ReplayResult r = script.replay(file(
                "create schema s1 create table u (t_id int references t) create table t (id int primary key)",
                "create schema s2 create table t (id int primary key) create table u (t_id int references t)",
                "create table v (id int)"));
        // PostgreSQL runs each table with its FKs, in order: s1's u references t before it exists
        assertThat(r.events())
                .filteredOn(ReplayEvent.ReferenceUnresolved.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(e.at().statementLine()).isEqualTo(1));
        assertThat(tables(r)).containsExactly("public.v", "s2.t", "s2.u");
        assertThat(edges(r)).containsExactly("s2.u(t_id) -> s2.t(id) u_t_id_fkey");
    }

    @Test
    void aTemporaryTableShadowsItsNameUntilTheEndOfItsFile() {
        ReplayResult r = script.replay(
                file(
                        "create table a (id int primary key)",
                        "create temp table a (id text primary key)",
                        "create table b (a_id text references a)"),
                file("create table c (a_id int references a)"));
        assertThat(rejections(r))
                .containsExactly("m/1.sql:3 constraints on permanent tables may reference only permanent tables");
        assertThat(tables(r)).containsExactly("public.a", "public.c");
        assertThat(edges(r)).containsExactly("public.c(a_id) -> public.a(id) c_a_id_fkey");
    }

    @Test
    void partitionOfNeedsAPartitionedParentAndInheritsRefusesOne() {
        ReplayResult r = script.replay(file(
                "create table plain (id int primary key)",
                "create table parted (id int primary key) partition by list (id)",
                "create table c1 partition of plain for values in (1)",
                "create table c2 (x int) inherits (parted)",
                "create table c3 partition of parted for values in (1)",
                "create table c4 (x int) inherits (plain)"));
        assertThat(rejections(r))
                .containsExactly(
                        "m/1.sql:3 \"plain\" is not partitioned",
                        "m/1.sql:4 cannot inherit from partitioned table \"parted\"");
        assertThat(tables(r)).containsExactly("public.c3", "public.c4", "public.parted", "public.plain");
    }

    @Test
    void foreignKeysFollowPostgresPersistenceRules() {
        ReplayResult r = script.replay(file(
                "create table p (id int primary key)",
                "create unlogged table u (id int primary key, p_id int references p)",
                "create temp table t (id int primary key)",
                "create table p2 (u_id int references u)",
                "create unlogged table u2 (t_id int references t)",
                "create temp table t2 (p_id int references p)",
                "create unlogged table u3 (u_id int references u, t_id int)",
                "alter table u set logged",
                "create table p3 (u_id int references u)"));
        assertThat(rejections(r))
                .containsExactly(
                        "m/1.sql:4 constraints on permanent tables may reference only permanent tables",
                        "m/1.sql:5 constraints on unlogged tables may reference only permanent or unlogged tables",
                        "m/1.sql:6 constraints on temporary tables may reference only temporary tables");
        assertThat(edges(r))
                .containsExactly(
                        "public.u(p_id) -> public.p(id) u_p_id_fkey",
                        "public.u3(u_id) -> public.u(id) u3_u_id_fkey",
                        "public.p3(u_id) -> public.u(id) p3_u_id_fkey");
    }

    @Test
    void aStatementThatFailsOnlyBecauseAnEarlierOneFailedIsItsCascade() {
        ReplayResult r = script.replay(file(
                "create table b (x int references missing (id), id int primary key)",
                "alter table b add column y int",
                "create table c (b_id int references b)",
                "create index on b (x)"));
        assertThat(ReplayScript.cascades(r)).isEqualTo("2<-1 3<-1 4<-1");
        assertThat(rejections(r)).isEmpty();
    }
}
