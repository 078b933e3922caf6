package dev.refguard.parse.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.Identifier;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SchemaChange.AddColumn;
import dev.refguard.parse.SchemaChange.AddForeignKey;
import dev.refguard.parse.SchemaChange.AddKey;
import dev.refguard.parse.SchemaChange.AlterAction;
import dev.refguard.parse.SchemaChange.AlterColumnDefault;
import dev.refguard.parse.SchemaChange.AlterColumnType;
import dev.refguard.parse.SchemaChange.AlterTable;
import dev.refguard.parse.SchemaChange.CreateFunction;
import dev.refguard.parse.SchemaChange.CreateIndex;
import dev.refguard.parse.SchemaChange.CreateRelation;
import dev.refguard.parse.SchemaChange.CreateSchema;
import dev.refguard.parse.SchemaChange.CreateTable;
import dev.refguard.parse.SchemaChange.CreateTrigger;
import dev.refguard.parse.SchemaChange.DeleteAll;
import dev.refguard.parse.SchemaChange.DropColumn;
import dev.refguard.parse.SchemaChange.DropConstraint;
import dev.refguard.parse.SchemaChange.DropIndex;
import dev.refguard.parse.SchemaChange.DropSchema;
import dev.refguard.parse.SchemaChange.DropTable;
import dev.refguard.parse.SchemaChange.LikeOption;
import dev.refguard.parse.SchemaChange.RelationKind;
import dev.refguard.parse.SchemaChange.RenameColumn;
import dev.refguard.parse.SchemaChange.RenameConstraint;
import dev.refguard.parse.SchemaChange.RenameTable;
import dev.refguard.parse.SchemaChange.SetSchema;
import dev.refguard.parse.SchemaChange.SetSearchPath;
import dev.refguard.parse.SchemaChange.Transaction;
import dev.refguard.parse.SchemaChange.TransactionCommand;
import dev.refguard.parse.SchemaChange.Truncate;
import dev.refguard.parse.SourcePosition;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FallbackReaderTest {

    static SqlStatement statement(String sql, int line, int column, StatementKind kind) {
        return new SqlStatement(sql, 0, sql.length(), line, column, kind);
    }

    static SqlStatement statement(String sql) {
        return statement(sql, 1, 1, StatementKind.OTHER);
    }

    static List<SchemaChange> read(String sql) {
        Optional<List<SchemaChange>> changes = FallbackReader.read(statement(sql));
        assertThat(changes).as("readable: %s", sql).isPresent();
        return changes.get();
    }

    static <T extends SchemaChange> T only(String sql, Class<T> type) {
        List<SchemaChange> changes = read(sql);
        assertThat(changes).as("changes of %s", sql).singleElement().isInstanceOf(type);
        return type.cast(changes.get(0));
    }

    static <T extends AlterAction> T onlyAction(String sql, Class<T> type) {
        AlterTable alter = only(sql, AlterTable.class);
        assertThat(alter.actions()).as("actions of %s", sql).singleElement().isInstanceOf(type);
        return type.cast(alter.actions().get(0));
    }

    static void assertUnreadable(String sql) {
        assertThat(FallbackReader.read(statement(sql)))
                .as("unreadable: %s", sql)
                .isEmpty();
    }

    static Identifier id(String text) {
        return Identifier.of(text);
    }

    static Identifier quoted(String text) {
        return Identifier.quoted(text);
    }

    static QualifiedName name(String schema, String table) {
        return new QualifiedName(schema == null ? null : id(schema), id(table));
    }

    static List<Identifier> ids(String... texts) {
        return Arrays.stream(texts).map(Identifier::of).toList();
    }

    @Nested
    class CreateTableForms {

        @Test
        void readsWhetherATableLevelKeyIsDeferrable() {
            SchemaChange.CreateTable table = only(
                    "create table t (a int, b int, unique (a) deferrable initially deferred, primary key (b) not deferrable)",
                    SchemaChange.CreateTable.class);

            assertThat(table.keys()).extracting(KeySpec::deferrable).containsExactly(true, false);
        }

        @Test
        void readsSchemaQualifiedInheritsThatJSqlParserRejects() {
            CreateTable table = only("""
                    CREATE TABLE public.child (
                        id uuid primary key,
                        note text
                    ) INHERITS (public.parent)""", CreateTable.class);
            assertThat(table.table()).isEqualTo(name("public", "child"));
            assertThat(table.form().inherits()).containsExactly(name("public", "parent"));
            assertThat(table.columnsKnown()).isTrue();
            assertThat(table.columns()).extracting(ColumnSpec::name).containsExactly(id("id"), id("note"));
            assertThat(table.columns().get(0).primaryKey()).isTrue();
            assertThat(table.keys()).singleElement().satisfies(key -> {
                assertThat(key.primary()).isTrue();
                assertThat(key.columns()).containsExactly(id("id"));
            });
        }

        @Test
        void readsKeywordNamedTableWithSetNullColumnList() {
            CreateTable table = only("""
                    CREATE TABLE public.settings (key text primary key, user_id uuid references auth.users(id) on delete set null (user_id))""", CreateTable.class);
            assertThat(table.table()).isEqualTo(name("public", "settings"));
            assertThat(table.columns())
                    .extracting(ColumnSpec::name, ColumnSpec::type)
                    .containsExactly(tuple(id("key"), "text"), tuple(id("user_id"), "uuid"));
            assertThat(table.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.columns()).containsExactly(id("user_id"));
                assertThat(fk.target()).isEqualTo(name("auth", "users"));
                assertThat(fk.targetColumns()).containsExactly(id("id"));
                assertThat(fk.onDelete()).isEqualTo("SET NULL");
                assertThat(fk.onUpdate()).isNull();
                assertThat(fk.constraintName()).isNull();
                assertThat(fk.position()).isEqualTo(new SourcePosition(1, 66));
                assertThat(fk.targetPosition()).isEqualTo(new SourcePosition(1, 77));
            });
        }

        @Test
        void keywordsOfJSqlParserArePlainNames() {
            CreateTable table = only("CREATE TABLE sample (settings text, sample int, data jsonb)", CreateTable.class);
            assertThat(table.table()).isEqualTo(name(null, "sample"));
            assertThat(table.columns())
                    .extracting(ColumnSpec::name)
                    .containsExactly(id("settings"), id("sample"), id("data"));
        }

        @Test
        void keepsEscapeStringDefaultWithBackslashQuote() {
            CreateTable table = only("""
                    CREATE TABLE t (
                        greeting text DEFAULT E'it\\'s; (not) a, problem' NOT NULL,
                        other text
                    )""", CreateTable.class);
            assertThat(table.columns()).hasSize(2);
            assertThat(table.columns().get(0).defaultExpression()).isEqualTo("E'it\\'s; (not) a, problem'");
            assertThat(table.columns().get(1).name()).isEqualTo(id("other"));
        }

        @Test
        void keepsCastArrayDefaultAndArrayType() {
            ColumnSpec column = only("CREATE TABLE t (tags text[] DEFAULT '{}'::text[] NOT NULL)", CreateTable.class)
                    .columns()
                    .get(0);
            assertThat(column.type()).isEqualTo("text[]");
            assertThat(column.defaultExpression()).isEqualTo("'{}'::text[]");
        }

        @Test
        void keepsFunctionCallDefaults() {
            CreateTable table = only("""
                    CREATE TABLE IF NOT EXISTS public.docs (
                      id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
                      owner uuid DEFAULT auth.uid() REFERENCES auth.users,
                      at timestamptz DEFAULT timezone('utc'::text, now()) NOT NULL,
                      nothing text DEFAULT NULL
                    )""", CreateTable.class);
            assertThat(table.ifNotExists()).isTrue();
            assertThat(table.columns())
                    .extracting(ColumnSpec::defaultExpression)
                    .containsExactly("gen_random_uuid()", "auth.uid()", "timezone('utc'::text, now())", "NULL");
            assertThat(table.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.target()).isEqualTo(name("auth", "users"));
                assertThat(fk.targetColumns()).isEmpty();
            });
        }

        @Test
        void readsMultiWordAndParameterisedTypes() {
            CreateTable table = only("""
                    CREATE TABLE t (
                      a character varying(20) NOT NULL,
                      b timestamp with time zone DEFAULT now(),
                      c double precision,
                      d bit varying(5),
                      e numeric(10, 2) CHECK (e > 0),
                      f varchar(10)[],
                      g int[][],
                      h TIMESTAMP(3) without time zone,
                      i public.citext COLLATE "C",
                      j interval day to second
                    )""", CreateTable.class);
            assertThat(table.columns())
                    .extracting(ColumnSpec::type)
                    .containsExactly(
                            "character varying(20)",
                            "timestamp with time zone",
                            "double precision",
                            "bit varying(5)",
                            "numeric(10, 2)",
                            "varchar(10)[]",
                            "int[][]",
                            "TIMESTAMP(3) without time zone",
                            "public.citext",
                            "interval day to second");
        }

        @Test
        void readsInlineConstraintsAndOptions() {
            CreateTable table = only("""
                    CREATE TABLE t (
                      id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10) PRIMARY KEY,
                      total numeric GENERATED ALWAYS AS (price * qty) STORED,
                      email text CONSTRAINT t_email_key UNIQUE NULLS NOT DISTINCT,
                      code text COLLATE "C" NOT NULL CHECK (length(code) > 2) NO INHERIT,
                      body text COMPRESSION lz4 STORAGE EXTERNAL,
                      parent bigint CONSTRAINT t_parent_fk REFERENCES t (id) MATCH SIMPLE
                          ON UPDATE CASCADE ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED
                    )""", CreateTable.class);
            assertThat(table.columns())
                    .extracting(ColumnSpec::name)
                    .containsExactly(id("id"), id("total"), id("email"), id("code"), id("body"), id("parent"));
            assertThat(table.columns().get(0).primaryKey()).isTrue();
            assertThat(table.columns().get(2).unique()).isTrue();
            assertThat(table.keys())
                    .extracting(KeySpec::constraintName, KeySpec::primary)
                    .containsExactly(tuple(null, true), tuple(id("t_email_key"), false));
            assertThat(table.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.constraintName()).isEqualTo(id("t_parent_fk"));
                assertThat(fk.columns()).containsExactly(id("parent"));
                assertThat(fk.target()).isEqualTo(name(null, "t"));
                assertThat(fk.targetColumns()).containsExactly(id("id"));
                assertThat(fk.onDelete()).isEqualTo("NO ACTION");
                assertThat(fk.onUpdate()).isEqualTo("CASCADE");
                assertThat(fk.position()).isEqualTo(new SourcePosition(7, 40));
            });
        }

        @Test
        void readsTableConstraints() {
            CreateTable table = only("""
                    CREATE TABLE public.line_items (
                      tenant_id uuid NOT NULL,
                      order_id bigint NOT NULL,
                      room int,
                      during tstzrange,
                      CONSTRAINT line_items_pkey PRIMARY KEY (tenant_id, order_id) INCLUDE (room) WITH (fillfactor=70),
                      UNIQUE NULLS NOT DISTINCT (room, during),
                      CHECK (room > 0),
                      EXCLUDE USING gist (room WITH =, during WITH &&),
                      CONSTRAINT line_items_order_fk FOREIGN KEY (tenant_id, order_id)
                          REFERENCES public.orders (tenant_id, id) MATCH FULL ON DELETE CASCADE
                    )""", CreateTable.class);
            assertThat(table.columns()).hasSize(4);
            assertThat(table.keys())
                    .extracting(KeySpec::constraintName, KeySpec::columns, KeySpec::primary)
                    .containsExactly(
                            tuple(id("line_items_pkey"), ids("tenant_id", "order_id"), true),
                            tuple(null, ids("room", "during"), false));
            assertThat(table.keys().get(0).position()).isEqualTo(new SourcePosition(6, 3));
            assertThat(table.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.constraintName()).isEqualTo(id("line_items_order_fk"));
                assertThat(fk.columns()).containsExactly(id("tenant_id"), id("order_id"));
                assertThat(fk.target()).isEqualTo(name("public", "orders"));
                assertThat(fk.targetColumns()).containsExactly(id("tenant_id"), id("id"));
                assertThat(fk.onDelete()).isEqualTo("CASCADE");
                assertThat(fk.position()).isEqualTo(new SourcePosition(10, 3));
                assertThat(fk.targetPosition()).isEqualTo(new SourcePosition(11, 18));
            });
        }

        @Test
        void tableLevelForeignKeyWithoutConstraintNameStartsAtForeign() {
            CreateTable table = only(
                    "CREATE TABLE c (p int, FOREIGN KEY (p) REFERENCES p ON DELETE SET DEFAULT (p))",
                    CreateTable.class);
            assertThat(table.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.position()).isEqualTo(new SourcePosition(1, 24));
                assertThat(fk.onDelete()).isEqualTo("SET DEFAULT");
            });
        }

        @Test
        void readsPrismaQuotedIdentifiers() {
            CreateTable table = only("""
                    CREATE TABLE "Post" (
                        "id" TEXT NOT NULL,
                        "authorId" TEXT NOT NULL,
                        "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        "role" "Role" NOT NULL DEFAULT 'USER',
                        CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
                    )""", CreateTable.class);
            assertThat(table.table()).isEqualTo(QualifiedName.of(quoted("Post")));
            assertThat(table.columns())
                    .extracting(ColumnSpec::name)
                    .containsExactly(quoted("id"), quoted("authorId"), quoted("createdAt"), quoted("role"));
            assertThat(table.columns())
                    .extracting(ColumnSpec::type)
                    .containsExactly("TEXT", "TEXT", "TIMESTAMP(3)", "\"Role\"");
            assertThat(table.columns())
                    .extracting(ColumnSpec::defaultExpression)
                    .containsExactly(null, null, "CURRENT_TIMESTAMP", "'USER'");
            assertThat(table.keys()).singleElement().satisfies(key -> {
                assertThat(key.constraintName()).isEqualTo(quoted("Post_pkey"));
                assertThat(key.columns()).containsExactly(quoted("id"));
            });
        }

        @Test
        void collapsesDoubledQuotesInIdentifiers() {
            CreateTable table = only("""
                    create table "public"."Mixed Case" (
                      "Weird ""Quoted"" Col" integer references "public"."Other Table"("Id")
                    )""", CreateTable.class);
            assertThat(table.table()).isEqualTo(new QualifiedName(quoted("public"), quoted("Mixed Case")));
            assertThat(table.columns().get(0).name()).isEqualTo(quoted("Weird \"Quoted\" Col"));
            assertThat(table.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.columns()).containsExactly(quoted("Weird \"Quoted\" Col"));
                assertThat(fk.target()).isEqualTo(new QualifiedName(quoted("public"), quoted("Other Table")));
                assertThat(fk.targetColumns()).containsExactly(quoted("Id"));
            });
        }

        @Test
        void reportsExactFilePositionsForAMultiLineStatement() {
            String sql = """
                    CREATE TABLE public.orders (
                        id bigint PRIMARY KEY,
                        user_id uuid REFERENCES auth.users(id),
                        CONSTRAINT orders_x_fk FOREIGN KEY (x) REFERENCES public.x
                    )""";
            Optional<List<SchemaChange>> read = FallbackReader.read(statement(sql, 10, 5, StatementKind.CREATE_TABLE));
            assertThat(read).isPresent();
            CreateTable table = (CreateTable) read.get().get(0);
            // where the table's name stands, as JSqlParser gives it: "public" after "CREATE TABLE "
            assertThat(table.position()).isEqualTo(new SourcePosition(10, 18));
            assertThat(table.columns())
                    .extracting(ColumnSpec::position)
                    .containsExactly(new SourcePosition(11, 5), new SourcePosition(12, 5));
            assertThat(table.keys().get(0).position()).isEqualTo(new SourcePosition(11, 15));
            assertThat(table.foreignKeys())
                    .extracting(ForeignKeySpec::position, ForeignKeySpec::targetPosition)
                    .containsExactly(
                            tuple(new SourcePosition(12, 18), new SourcePosition(12, 29)),
                            tuple(new SourcePosition(13, 5), new SourcePosition(13, 55)));
        }

        @Test
        void placesTheTableOfEveryFormAtItsName() {
            // where JSqlParser places a CREATE TABLE, so a finding does not move with the reader that read it; the
            // forms JSqlParser leaves to the token reader (PARTITION OF, LIKE, OF, AS, INHERITS) are placed alike
            assertThat(only("CREATE TEMP TABLE IF NOT EXISTS \"S\".t (a int)", CreateTable.class)
                            .position())
                    .isEqualTo(new SourcePosition(1, 33));
            assertThat(only("CREATE UNLOGGED TABLE copy (LIKE orders INCLUDING ALL)", CreateTable.class)
                            .position())
                    .isEqualTo(new SourcePosition(1, 23));
            assertThat(only("CREATE TABLE typed OF some_type", CreateTable.class)
                            .position())
                    .isEqualTo(new SourcePosition(1, 14));
            assertThat(only("CREATE TABLE summary (a, b) AS SELECT 1, 2", CreateTable.class)
                            .position())
                    .isEqualTo(new SourcePosition(1, 14));
            assertThat(only("CREATE TABLE child (a int) INHERITS (parent)", CreateTable.class)
                            .position())
                    .isEqualTo(new SourcePosition(1, 14));
            assertThat(only("SELECT id INTO TEMP TABLE snapshot FROM users", CreateTable.class)
                            .position())
                    .isEqualTo(new SourcePosition(1, 27));
            Optional<List<SchemaChange>> partition = FallbackReader.read(statement(
                    "CREATE TABLE\n    orders_2024 PARTITION OF orders FOR VALUES IN (2024)",
                    7,
                    9,
                    StatementKind.CREATE_TABLE));
            assertThat(partition.orElseThrow())
                    .singleElement()
                    .extracting(SchemaChange::position)
                    .isEqualTo(new SourcePosition(8, 5));
        }

        @Test
        void positionsOnTheFirstLineAreShiftedByTheStatementColumn() {
            Optional<List<SchemaChange>> read = FallbackReader.read(
                    statement("CREATE TABLE a (b_id int REFERENCES b)", 4, 21, StatementKind.CREATE_TABLE));
            CreateTable table = (CreateTable) read.orElseThrow().get(0);
            assertThat(table.columns().get(0).position()).isEqualTo(new SourcePosition(4, 37));
            assertThat(table.foreignKeys().get(0).position()).isEqualTo(new SourcePosition(4, 46));
            assertThat(table.foreignKeys().get(0).targetPosition()).isEqualTo(new SourcePosition(4, 57));
        }

        @Test
        void readsPartitionOfWithTheParentAsSourceOfColumns() {
            CreateTable table = only("""
                    CREATE TABLE public.events_2024 PARTITION OF public.events (
                      occurred_at WITH OPTIONS NOT NULL,
                      PRIMARY KEY (id, occurred_at)
                    ) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')""", CreateTable.class);
            assertThat(table.form().partitionOf()).isEqualTo(name("public", "events"));
            assertThat(table.form().partitioned()).isFalse();
            assertThat(table.columns()).isEmpty();
            assertThat(table.columnsKnown()).isTrue();
            assertThat(table.keys())
                    .singleElement()
                    .satisfies(key -> assertThat(key.columns()).containsExactly(id("id"), id("occurred_at")));
            CreateTable bare = only("CREATE TABLE p_default PARTITION OF p DEFAULT", CreateTable.class);
            assertThat(bare.form().partitionOf()).isEqualTo(name(null, "p"));
            CreateTable sub = only(
                    "CREATE TEMP TABLE p1 PARTITION OF p FOR VALUES IN (1) PARTITION BY RANGE (at)", CreateTable.class);
            assertThat(sub.form().partitioned()).isTrue();
            assertThat(sub.form().temporary()).isTrue();
        }

        @Test
        void readsPartitionedParentsAndStorageClauses() {
            CreateTable table = only("""
                    CREATE UNLOGGED TABLE events (id bigint, user_id uuid REFERENCES auth.users (id))
                    PARTITION BY RANGE (occurred_at) WITH (fillfactor = 70) TABLESPACE fast""", CreateTable.class);
            assertThat(table.columns()).hasSize(2);
            assertThat(table.foreignKeys()).hasSize(1);
            assertThat(table.form().partitioned()).isTrue();
            assertThat(table.form().temporary()).isFalse();
            assertThat(table.form().unlogged()).isTrue();
            assertThat(only("CREATE UNLOGGED TABLE c AS SELECT 1", CreateTable.class)
                            .form()
                            .unlogged())
                    .isTrue();
            assertThat(only("SELECT 1 AS id INTO UNLOGGED c", CreateTable.class)
                            .form()
                            .unlogged())
                    .isTrue();
            assertThat(onlyAction("ALTER TABLE t SET LOGGED", SchemaChange.SetLogged.class))
                    .isEqualTo(new SchemaChange.SetLogged(true, new SourcePosition(1, 15)));
            assertThat(onlyAction("ALTER TABLE t SET UNLOGGED", SchemaChange.SetLogged.class))
                    .isEqualTo(new SchemaChange.SetLogged(false, new SourcePosition(1, 15)));
            CreateTable global = only("CREATE GLOBAL TEMPORARY TABLE tmp (a int) ON COMMIT DROP", CreateTable.class);
            assertThat(global.columns()).hasSize(1);
            assertThat(global.form().temporary()).isTrue();
            CreateTable temp = only("CREATE TEMP TABLE tmp (a int)", CreateTable.class);
            assertThat(temp.table()).isEqualTo(name(null, "tmp"));
            assertThat(temp.form().temporary()).isTrue();
        }

        @Test
        void createTableAsHasUnknownColumns() {
            CreateTable as = only("CREATE TABLE t AS SELECT * FROM u", CreateTable.class);
            assertThat(as.columnsKnown()).isFalse();
            assertThat(as.columns()).isEmpty();
            assertThat(as.form().asQuery()).isTrue();
            assertThat(as.form().keysWithoutColumns()).isTrue();
            CreateTable named = only("CREATE TABLE t (a, b) AS SELECT 1, 2", CreateTable.class);
            assertThat(named.columnsKnown()).isFalse();
            assertThat(named.form().asQuery()).isTrue();
            CreateTable with = only("CREATE TABLE IF NOT EXISTS t WITH (fillfactor=70) AS TABLE u", CreateTable.class);
            assertThat(with.columnsKnown()).isFalse();
            assertThat(with.ifNotExists()).isTrue();
            CreateTable execute = only("CREATE TEMP TABLE t AS EXECUTE plan (1)", CreateTable.class);
            assertThat(execute.form().asQuery()).isTrue();
            assertThat(execute.form().temporary()).isTrue();
        }

        @Test
        void likeCopiesColumnsFromAnotherTable() {
            CreateTable table = only(
                    "CREATE TABLE copy (LIKE public.profiles INCLUDING ALL EXCLUDING COMMENTS, extra int)",
                    CreateTable.class);
            assertThat(table.form().likes()).singleElement().satisfies(like -> {
                assertThat(like.source()).isEqualTo(name("public", "profiles"));
                assertThat(like.including())
                        .containsExactlyInAnyOrder(
                                LikeOption.COMPRESSION,
                                LikeOption.CONSTRAINTS,
                                LikeOption.DEFAULTS,
                                LikeOption.GENERATED,
                                LikeOption.IDENTITY,
                                LikeOption.INDEXES,
                                LikeOption.STATISTICS,
                                LikeOption.STORAGE);
                assertThat(like.position()).isEqualTo(new SourcePosition(1, 20));
            });
            assertThat(table.columns()).extracting(ColumnSpec::name).containsExactly(id("extra"));
        }

        @Test
        void likeOptionsApplyInOrder() {
            CreateTable table = only(
                    "CREATE TABLE copy (LIKE a, LIKE b INCLUDING INDEXES INCLUDING DEFAULTS, LIKE c EXCLUDING ALL"
                            + " INCLUDING DEFAULTS, LIKE d INCLUDING ALL EXCLUDING INDEXES EXCLUDING CONSTRAINTS)",
                    CreateTable.class);
            assertThat(table.form().likes())
                    .extracting(
                            SchemaChange.Like::source, like -> like.including().contains(LikeOption.INDEXES))
                    .containsExactly(
                            tuple(name(null, "a"), false),
                            tuple(name(null, "b"), true),
                            tuple(name(null, "c"), false),
                            tuple(name(null, "d"), false));
            assertThat(table.form().likes().get(1).including())
                    .containsExactlyInAnyOrder(LikeOption.INDEXES, LikeOption.DEFAULTS);
            assertThat(table.form().likes().get(2).including()).containsExactly(LikeOption.DEFAULTS);
            assertThat(table.form().likes().get(3).including())
                    .doesNotContain(LikeOption.INDEXES, LikeOption.CONSTRAINTS)
                    .contains(LikeOption.DEFAULTS);
            assertUnreadable("CREATE TABLE copy (LIKE a INCLUDING EVERYTHING)");
            assertUnreadable("CREATE TABLE copy (LIKE a INCLUDING)");
        }

        @Test
        void inheritsTakesEveryParent() {
            CreateTable table =
                    only("CREATE TABLE c (x int) INHERITS (a, s.b) WITH (fillfactor = 70)", CreateTable.class);
            assertThat(table.form().inherits()).containsExactly(name(null, "a"), name("s", "b"));
            assertThat(table.columns()).extracting(ColumnSpec::name).containsExactly(id("x"));
        }

        @Test
        void typedTableKeepsItsKeysButNotItsColumns() {
            CreateTable table = only(
                    "CREATE TABLE persons OF person_type (name WITH OPTIONS PRIMARY KEY, UNIQUE (email))",
                    CreateTable.class);
            assertThat(table.form().ofType()).isEqualTo(name(null, "person_type"));
            assertThat(table.columnsKnown()).isFalse();
            assertThat(table.columns()).isEmpty();
            assertThat(table.form().keysWithoutColumns()).isTrue();
            assertThat(table.keys())
                    .extracting(KeySpec::primary, k -> k.columns().get(0))
                    .containsExactly(tuple(true, id("name")), tuple(false, id("email")));
            assertThat(only("CREATE TABLE t OF ty", CreateTable.class).keys()).isEmpty();
        }

        @Test
        void selectIntoMakesATableFromTheQuery() {
            CreateTable into =
                    only("SELECT id, name INTO TEMP TABLE snapshot FROM users WHERE id > 0", CreateTable.class);
            assertThat(into.table()).isEqualTo(name(null, "snapshot"));
            assertThat(into.form().asQuery()).isTrue();
            assertThat(into.form().temporary()).isTrue();
            assertThat(into.columnsKnown()).isFalse();
            CreateTable with = only(
                    "WITH recent AS (SELECT * FROM events) SELECT * INTO UNLOGGED archive.recent FROM recent",
                    CreateTable.class);
            assertThat(with.table()).isEqualTo(name("archive", "recent"));
            assertThat(with.form().temporary()).isFalse();
            // PostgreSQL 15 takes LOCAL or GLOBAL before TEMP here as in CREATE TABLE
            CreateTable local = only("SELECT 1 AS a INTO LOCAL TEMP lt FROM users", CreateTable.class);
            assertThat(local.table()).isEqualTo(name(null, "lt"));
            assertThat(local.form().temporary()).isTrue();
            // an INTO inside parentheses, or one after another verb, makes no table
            assertThat(FallbackReader.read(statement("SELECT (SELECT 1) FROM t")))
                    .hasValue(List.of());
            assertThat(FallbackReader.read(statement("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x")))
                    .isEmpty();
        }

        @Test
        void emptyColumnListIsATableWithoutColumns() {
            CreateTable table = only("CREATE TABLE marker ()", CreateTable.class);
            assertThat(table.columns()).isEmpty();
            assertThat(table.columnsKnown()).isTrue();
        }

        @Test
        void columnNamedExcludeIsAColumn() {
            CreateTable table = only("CREATE TABLE t (exclude boolean, period int)", CreateTable.class);
            assertThat(table.columns()).extracting(ColumnSpec::name).containsExactly(id("exclude"), id("period"));
        }

        @Test
        void typeNamedLikeAColumnOptionIsStillTheType() {
            CreateTable table = only("CREATE TABLE t (kind storage NOT NULL)", CreateTable.class);
            assertThat(table.columns().get(0).type()).isEqualTo("storage");
        }

        @Test
        void temporalKeysOfPostgres18NameTheirColumns() {
            CreateTable table = only("""
                    CREATE TABLE t (
                      id int, valid_at tstzrange,
                      PRIMARY KEY (id, valid_at WITHOUT OVERLAPS),
                      FOREIGN KEY (id, PERIOD valid_at) REFERENCES u (id, PERIOD valid_at)
                    )""", CreateTable.class);
            assertThat(table.keys().get(0).columns()).containsExactly(id("id"), id("valid_at"));
            assertThat(table.foreignKeys().get(0).targetColumns()).containsExactly(id("id"), id("valid_at"));
        }

        @Test
        void readsMysqlKeyElementsAsIndexesMadeWithTheTable() {
            List<SchemaChange> changes =
                    read("CREATE TABLE accounts (id INT PRIMARY KEY, region VARCHAR(20), name VARCHAR(50),"
                            + " KEY idx_region_name (region, name), INDEX (name))");
            assertThat(changes).hasSize(3);
            SchemaChange.CreateTable table = (SchemaChange.CreateTable) changes.get(0);
            assertThat(table.columns()).extracting(c -> c.name().written()).containsExactly("id", "region", "name");
            SchemaChange.CreateIndex named = (SchemaChange.CreateIndex) changes.get(1);
            assertThat(named.name()).isEqualTo(id("idx_region_name"));
            assertThat(named.table()).isEqualTo(name(null, "accounts"));
            assertThat(named.columns()).isEqualTo(ids("region", "name"));
            assertThat(named.unique()).isFalse();
            assertThat(named.position()).isEqualTo(new SourcePosition(1, 82));
            SchemaChange.CreateIndex unnamed = (SchemaChange.CreateIndex) changes.get(2);
            assertThat(unnamed.name()).isNull();
            assertThat(unnamed.columns()).isEqualTo(ids("name"));
        }

        @Test
        void aForeignTableIsNoTableOfTheModel() {
            // PostgreSQL 15: a foreign table takes no key, and "referenced relation is not a table" for an FK to it
            assertThat(read("CREATE FOREIGN TABLE f (id int) SERVER s")).isEmpty();
        }

        @Test
        void anEmptyQuotedNameIsUnreadable() {
            // PostgreSQL 15: "zero-length delimited identifier"
            assertUnreadable("CREATE TABLE t (\"\" int)");
        }

        @Test
        void readsColumnsNamedKeyOrIndexAsColumns() {
            SchemaChange.CreateTable table = only(
                    "CREATE TABLE t (key varchar(20), index numeric(10, 2), k int)", SchemaChange.CreateTable.class);
            assertThat(table.columns()).extracting(c -> c.name().written()).containsExactly("key", "index", "k");
            assertThat(table.columns().get(0).type()).isEqualTo("varchar(20)");
        }

        @Test
        void malformedTablesAreUnreadable() {
            assertUnreadable("CREATE TABLE");
            assertUnreadable("CREATE TABLE t");
            assertUnreadable("CREATE TABLE t (a int");
            assertUnreadable("CREATE TABLE t (a)");
            assertUnreadable("CREATE TABLE t (a int REFERENCES)");
            assertUnreadable("CREATE TABLE t (a int REFERENCES u ON DELETE EXPLODE)");
            assertUnreadable("CREATE TABLE t (a int, FOREIGN KEY () REFERENCES u)");
            assertUnreadable("CREATE TABLE t (a int,, b int)");
            assertUnreadable("CREATE TABLE t (a int NOT FROBNICATE)");
            assertUnreadable("CREATE TABLE t (a int NOT NULL FROBNICATE)");
            assertUnreadable("CREATE TABLE t (a int) PARTITION BY RANGE (a");
            assertUnreadable("CREATE TABLE t (a int) INHERITS (");
        }
    }

    @Nested
    class AlterTableForms {

        @Test
        void readsIfExistsOnlyForeignKeyNotValid() {
            String sql =
                    "ALTER TABLE IF EXISTS ONLY public.a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES public.b(id) NOT VALID";
            AlterTable alter = only(sql, AlterTable.class);
            assertThat(alter.table()).isEqualTo(name("public", "a"));
            assertThat(alter.ifExists()).isTrue();
            // the name's first part, "public", after "ALTER TABLE IF EXISTS ONLY "
            assertThat(alter.position()).isEqualTo(new SourcePosition(1, 28));
            assertThat(alter.actions()).singleElement().isInstanceOfSatisfying(AddForeignKey.class, add -> {
                assertThat(add.position()).isEqualTo(new SourcePosition(1, 37));
                ForeignKeySpec fk = add.foreignKey();
                assertThat(fk.constraintName()).isEqualTo(id("a_b_fk"));
                assertThat(fk.columns()).containsExactly(id("b_id"));
                assertThat(fk.target()).isEqualTo(name("public", "b"));
                assertThat(fk.targetColumns()).containsExactly(id("id"));
                assertThat(fk.position()).isEqualTo(new SourcePosition(1, 41));
                assertThat(fk.targetPosition()).isEqualTo(new SourcePosition(1, 89));
            });
        }

        @Test
        void placesTheTableAtItsNameWhateverComesBeforeIt() {
            // where JSqlParser places an ALTER TABLE: the first part of the table's name
            AlterTable harmless =
                    only("ALTER TABLE IF EXISTS ONLY public.x ENABLE ROW LEVEL SECURITY", AlterTable.class);
            assertThat(harmless.actions()).isEmpty();
            assertThat(harmless.position()).isEqualTo(new SourcePosition(1, 28));
            Optional<List<SchemaChange>> read = FallbackReader.read(statement(
                    "ALTER TABLE ONLY\n      \"Orders\" *\n  ADD COLUMN a int", 4, 9, StatementKind.ALTER_TABLE));
            assertThat(read.orElseThrow())
                    .singleElement()
                    .extracting(SchemaChange::position)
                    .isEqualTo(new SourcePosition(5, 7));
        }

        @Test
        void readsPrismaForeignKey() {
            AddForeignKey add = onlyAction("""
                    ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE""", AddForeignKey.class);
            assertThat(add.foreignKey().constraintName()).isEqualTo(quoted("Post_authorId_fkey"));
            assertThat(add.foreignKey().columns()).containsExactly(quoted("authorId"));
            assertThat(add.foreignKey().target()).isEqualTo(QualifiedName.of(quoted("User")));
            assertThat(add.foreignKey().onDelete()).isEqualTo("RESTRICT");
            assertThat(add.foreignKey().onUpdate()).isEqualTo("CASCADE");
        }

        @Test
        void readsForeignKeyWithDeferrableAttributes() {
            AddForeignKey add = onlyAction(
                    "ALTER TABLE ONLY public.a ADD FOREIGN KEY (b_id) REFERENCES public.b DEFERRABLE INITIALLY DEFERRED",
                    AddForeignKey.class);
            assertThat(add.foreignKey().constraintName()).isNull();
            assertThat(add.foreignKey().position()).isEqualTo(new SourcePosition(1, 31));
        }

        @Test
        void readsAddColumnWithInlineReference() {
            AlterTable alter = only("""
                    ALTER TABLE public.posts
                      ADD COLUMN IF NOT EXISTS category_id bigint REFERENCES public.categories(id) ON DELETE SET NULL,
                      ADD extra text DEFAULT 'x' UNIQUE""", AlterTable.class);
            assertThat(alter.actions()).hasSize(2);
            AddColumn first = (AddColumn) alter.actions().get(0);
            assertThat(first.ifNotExists()).isTrue();
            assertThat(first.position()).isEqualTo(new SourcePosition(2, 3));
            assertThat(first.column().name()).isEqualTo(id("category_id"));
            assertThat(first.column().type()).isEqualTo("bigint");
            assertThat(first.column().position()).isEqualTo(new SourcePosition(2, 28));
            assertThat(first.foreignKey().columns()).containsExactly(id("category_id"));
            assertThat(first.foreignKey().target()).isEqualTo(name("public", "categories"));
            assertThat(first.foreignKey().onDelete()).isEqualTo("SET NULL");
            assertThat(first.foreignKey().position()).isEqualTo(new SourcePosition(2, 47));
            AddColumn second = (AddColumn) alter.actions().get(1);
            assertThat(second.foreignKey()).isNull();
            assertThat(second.column().unique()).isTrue();
            assertThat(second.column().defaultExpression()).isEqualTo("'x'");
        }

        @Test
        void readsKeys() {
            AddKey primary = onlyAction(
                    "ALTER TABLE ONLY public.profiles ADD CONSTRAINT profiles_pkey PRIMARY KEY (id)", AddKey.class);
            assertThat(primary.key().primary()).isTrue();
            assertThat(primary.key().constraintName()).isEqualTo(id("profiles_pkey"));
            assertThat(primary.key().columns()).containsExactly(id("id"));
            assertThat(primary.usingIndex()).isNull();
            AddKey unique = onlyAction("ALTER TABLE t ADD UNIQUE (a, b)", AddKey.class);
            assertThat(unique.key().primary()).isFalse();
            assertThat(unique.key().columns()).containsExactly(id("a"), id("b"));
            AddKey usingIndex =
                    onlyAction("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx", AddKey.class);
            assertThat(usingIndex.usingIndex()).isEqualTo(id("t_id_idx"));
            assertThat(usingIndex.key().columns()).isEmpty();
        }

        @Test
        void checkAndExclusionConstraintsChangeNothing() {
            assertThat(only("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID", AlterTable.class)
                            .actions())
                    .isEmpty();
            assertThat(only("ALTER TABLE t ADD EXCLUDE USING gist (r WITH &&)", AlterTable.class)
                            .actions())
                    .isEmpty();
        }

        @Test
        void readsDropsRenamesAndSchemaMoves() {
            DropConstraint dropConstraint =
                    onlyAction("ALTER TABLE t DROP CONSTRAINT IF EXISTS t_u_fkey CASCADE", DropConstraint.class);
            assertThat(dropConstraint.name()).isEqualTo(id("t_u_fkey"));
            assertThat(dropConstraint.ifExists()).isTrue();
            DropColumn dropColumn = onlyAction("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE", DropColumn.class);
            assertThat(dropColumn.column()).isEqualTo(id("c"));
            assertThat(dropColumn.ifExists()).isTrue();
            assertThat(dropColumn.cascade()).isTrue();
            DropColumn bare = onlyAction("ALTER TABLE t DROP c", DropColumn.class);
            assertThat(bare.ifExists()).isFalse();
            assertThat(bare.cascade()).isFalse();
            assertThat(onlyAction("ALTER TABLE \"User\" RENAME TO \"users\"", RenameTable.class)
                            .newName())
                    .isEqualTo(quoted("users"));
            RenameColumn renameColumn =
                    onlyAction("ALTER TABLE t RENAME COLUMN \"userId\" TO user_id", RenameColumn.class);
            assertThat(renameColumn.from()).isEqualTo(quoted("userId"));
            assertThat(renameColumn.to()).isEqualTo(id("user_id"));
            assertThat(onlyAction("ALTER TABLE t RENAME a TO b", RenameColumn.class)
                            .to())
                    .isEqualTo(id("b"));
            RenameConstraint renameConstraint =
                    onlyAction("ALTER TABLE t RENAME CONSTRAINT a TO b", RenameConstraint.class);
            assertThat(renameConstraint.from()).isEqualTo(id("a"));
            assertThat(onlyAction("ALTER TABLE t SET SCHEMA archive", SetSchema.class)
                            .schema())
                    .isEqualTo(id("archive"));
        }

        @Test
        void readsColumnTypeAndDefaultChanges() {
            AlterColumnType type = onlyAction(
                    "ALTER TABLE t ALTER COLUMN user_id TYPE uuid USING user_id::uuid", AlterColumnType.class);
            assertThat(type.column()).isEqualTo(id("user_id"));
            assertThat(type.type()).isEqualTo("uuid");
            assertThat(onlyAction(
                                    "ALTER TABLE t ALTER c SET DATA TYPE character varying(40) COLLATE \"C\"",
                                    AlterColumnType.class)
                            .type())
                    .isEqualTo("character varying(40)");
            AlterColumnDefault setDefault = onlyAction(
                    "ALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass)",
                    AlterColumnDefault.class);
            assertThat(setDefault.defaultExpression()).isEqualTo("nextval('t_id_seq'::regclass)");
            assertThat(onlyAction("ALTER TABLE t ALTER COLUMN id DROP DEFAULT", AlterColumnDefault.class)
                            .defaultExpression())
                    .isNull();
        }

        @Test
        void harmlessActionsGiveTheTableWithoutActions() {
            for (String sql : List.of(
                    "ALTER TABLE t OWNER TO postgres",
                    "ALTER TABLE public.t ENABLE ROW LEVEL SECURITY",
                    "ALTER TABLE t FORCE ROW LEVEL SECURITY",
                    "ALTER TABLE t DISABLE TRIGGER ALL",
                    "ALTER TABLE t REPLICA IDENTITY FULL",
                    "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
                    "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
                    "ALTER TABLE t ALTER COLUMN a SET STATISTICS 100",
                    "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
                    "ALTER TABLE t VALIDATE CONSTRAINT t_fk",
                    "ALTER TABLE t ATTACH PARTITION t_2024 FOR VALUES FROM (1) TO (2)",
                    "ALTER TABLE t DETACH PARTITION t_2024 CONCURRENTLY",
                    "ALTER TABLE t SET (fillfactor = 70)",
                    "ALTER TABLE t SET TABLESPACE fast",
                    "ALTER TABLE t CLUSTER ON t_idx",
                    "ALTER TABLE t ALTER CONSTRAINT t_fk DEFERRABLE",
                    "ALTER TABLE t ENABLE ROW LEVEL SECURITY, OWNER TO x")) {
                // PostgreSQL still looks the table up: without IF EXISTS a missing table fails the statement
                AlterTable alter = only(sql, AlterTable.class);
                assertThat(alter.actions()).as(sql).isEmpty();
                assertThat(alter.table().name()).as(sql).isEqualTo(id("t"));
            }
            assertThat(read("ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b")).isEmpty();
        }

        @Test
        void keepsModelActionsBesideHarmlessOnes() {
            AlterTable alter = only(
                    "ALTER TABLE t OWNER TO x, ADD COLUMN u uuid REFERENCES auth.users, ALTER COLUMN u SET NOT NULL",
                    AlterTable.class);
            assertThat(alter.actions()).singleElement().isInstanceOf(AddColumn.class);
        }

        @Test
        void unknownActionMakesTheWholeStatementUnreadable() {
            assertUnreadable("ALTER TABLE t FROBNICATE x");
            assertUnreadable("ALTER TABLE t ADD COLUMN a int REFERENCES u, FROBNICATE");
            assertUnreadable("ALTER TABLE t ALTER COLUMN a FROBNICATE");
            assertUnreadable("ALTER TABLE t SET FROBNICATE");
            assertUnreadable("ALTER TABLE t");
            assertUnreadable("ALTER TABLE t ADD CONSTRAINT x FOREIGN KEY (a) REFERENCES u (b) WHATEVER");
            assertUnreadable("ALTER TABLE t ADD COLUMN a int,");
            assertUnreadable("ALTER TABLE t RENAME a");
        }
    }

    @Nested
    class OtherStatements {

        @Test
        void readsCreateIndex() {
            CreateIndex index = only(
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON ONLY public.users USING btree (email, \"Tenant\" DESC NULLS LAST) INCLUDE (id)",
                    CreateIndex.class);
            assertThat(index.name()).isEqualTo(id("users_email_key"));
            assertThat(index.table()).isEqualTo(name("public", "users"));
            assertThat(index.columns()).containsExactly(id("email"), quoted("Tenant"));
            assertThat(index.unique()).isTrue();
            CreateIndex unnamed = only("CREATE INDEX ON t (a text_pattern_ops)", CreateIndex.class);
            assertThat(unnamed.name()).isNull();
            assertThat(unnamed.unique()).isFalse();
            assertThat(unnamed.columns()).containsExactly(id("a"));
        }

        @Test
        void expressionIndexHasNoColumnsAndPartialIndexIsNotAKey() {
            CreateIndex expression = only("CREATE UNIQUE INDEX i ON t (lower(email), tenant)", CreateIndex.class);
            assertThat(expression.columns()).isEmpty();
            assertThat(expression.unique()).isTrue();
            assertThat(expression.hasExpressions()).isTrue();
            CreateIndex partial =
                    only("CREATE UNIQUE INDEX i ON t (email) WHERE deleted_at IS NULL", CreateIndex.class);
            assertThat(partial.columns()).containsExactly(id("email"));
            assertThat(partial.unique()).isTrue();
            assertThat(partial.partial()).isTrue();
            assertThat(partial.hasExpressions()).isFalse();
        }

        @Test
        void readsIndexIfNotExistsAndConcurrently() {
            CreateIndex index = only(
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"traces_project_id_idx\" ON \"traces\"(\"project_id\")",
                    CreateIndex.class);
            assertThat(index.ifNotExists()).isTrue();
            assertThat(index.name()).isEqualTo(quoted("traces_project_id_idx"));
            assertThat(index.unique()).isFalse();
            assertThat(only("CREATE INDEX i ON t (a)", CreateIndex.class).ifNotExists())
                    .isFalse();
        }

        @Test
        void readsTransactionCommands() {
            assertThat(only("BEGIN ISOLATION LEVEL SERIALIZABLE", Transaction.class)
                            .command())
                    .isEqualTo(TransactionCommand.BEGIN);
            assertThat(only("START TRANSACTION", Transaction.class).command()).isEqualTo(TransactionCommand.BEGIN);
            assertThat(only("END", Transaction.class).command()).isEqualTo(TransactionCommand.COMMIT);
            assertThat(only("COMMIT WORK", Transaction.class).command()).isEqualTo(TransactionCommand.COMMIT);
            assertThat(only("ABORT", Transaction.class).command()).isEqualTo(TransactionCommand.ROLLBACK);
            Transaction savepoint = only("SAVEPOINT before_fk", Transaction.class);
            assertThat(savepoint.command()).isEqualTo(TransactionCommand.SAVEPOINT);
            assertThat(savepoint.savepoint()).isEqualTo(id("before_fk"));
            assertThat(only("RELEASE before_fk", Transaction.class).command())
                    .isEqualTo(TransactionCommand.RELEASE_SAVEPOINT);
            Transaction back = only("ROLLBACK TRANSACTION TO SAVEPOINT before_fk", Transaction.class);
            assertThat(back.command()).isEqualTo(TransactionCommand.ROLLBACK_TO_SAVEPOINT);
            assertThat(back.savepoint()).isEqualTo(id("before_fk"));
        }

        @Test
        void readsSetLocalAndSetSchema() {
            SetSearchPath local = only("SET LOCAL search_path TO app, public", SetSearchPath.class);
            assertThat(local.local()).isTrue();
            assertThat(local.schemas()).containsExactly(id("app"), id("public"));
            SetSearchPath schema = only("SET SCHEMA 'app'", SetSearchPath.class);
            assertThat(schema.local()).isFalse();
            assertThat(schema.schemas()).containsExactly(quoted("app"));
            assertThat(only("RESET search_path", SetSearchPath.class).toDefault())
                    .isTrue();
        }

        @Test
        void readsViewsAndSequencesByName() {
            CreateRelation view = only(
                    "CREATE MATERIALIZED VIEW IF NOT EXISTS public.monthly_usage AS SELECT 1 WITH NO DATA",
                    CreateRelation.class);
            assertThat(view.kind()).isEqualTo(RelationKind.MATERIALIZED_VIEW);
            assertThat(view.name()).isEqualTo(name("public", "monthly_usage"));
            assertThat(only("CREATE OR REPLACE VIEW v AS SELECT 1", CreateRelation.class)
                            .kind())
                    .isEqualTo(RelationKind.VIEW);
            assertThat(only("CREATE TEMP SEQUENCE s", CreateRelation.class).kind())
                    .isEqualTo(RelationKind.SEQUENCE);
            // PostgreSQL 15 has unlogged sequences
            assertThat(only("CREATE UNLOGGED SEQUENCE s", CreateRelation.class).name())
                    .isEqualTo(name(null, "s"));
        }

        @Test
        void readsDropIndex() {
            DropIndex drop = only("DROP INDEX CONCURRENTLY IF EXISTS public.a_idx, b_idx CASCADE", DropIndex.class);
            assertThat(drop.indexes()).containsExactly(name("public", "a_idx"), QualifiedName.of(id("b_idx")));
            assertThat(drop.ifExists()).isTrue();
            assertThat(drop.cascade()).isTrue();
            DropIndex plain = only("DROP INDEX \"traces_project_id_idx\"", DropIndex.class);
            assertThat(plain.ifExists()).isFalse();
            assertThat(plain.cascade()).isFalse();
        }

        @Test
        void readsDropTable() {
            DropTable drop = only("DROP TABLE IF EXISTS public.a, \"B\" CASCADE", DropTable.class);
            assertThat(drop.tables()).containsExactly(name("public", "a"), QualifiedName.of(quoted("B")));
            assertThat(drop.ifExists()).isTrue();
            assertThat(drop.cascade()).isTrue();
            DropTable plain = only("DROP TABLE a RESTRICT", DropTable.class);
            assertThat(plain.cascade()).isFalse();
        }

        @Test
        void readsSchemas() {
            assertThat(only("CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION postgres", CreateSchema.class)
                            .schema())
                    .isEqualTo(id("app"));
            assertThat(only("CREATE SCHEMA IF NOT EXISTS app", CreateSchema.class)
                            .ifNotExists())
                    .isTrue();
            assertThat(only("CREATE SCHEMA AUTHORIZATION joe", CreateSchema.class)
                            .schema())
                    .isEqualTo(id("joe"));
            assertThat(only("CREATE SCHEMA AUTHORIZATION joe", CreateSchema.class)
                            .ifNotExists())
                    .isFalse();
            assertUnreadable("CREATE SCHEMA AUTHORIZATION CURRENT_USER");
            assertUnreadable("CREATE SCHEMA s CREATE TABLE t (a int) CREATE FUNCTION f() RETURNS int AS 'select 1'");
            assertUnreadable("CREATE SCHEMA s CREATE TABLE t AS SELECT 1");
            assertUnreadable("CREATE SCHEMA s CREATE TABLE t (a int");
            DropSchema drop = only("DROP SCHEMA IF EXISTS a, b CASCADE", DropSchema.class);
            assertThat(drop.schemas()).containsExactly(id("a"), id("b"));
            assertThat(drop.cascade()).isTrue();
        }

        @Test
        void readsSchemaElementsInTheOrderPostgresRunsThem() {
            CreateSchema schema = only("""
                    CREATE SCHEMA billing AUTHORIZATION postgres
                      CREATE INDEX invoices_customer_idx ON invoices (customer_id)
                      CREATE VIEW open_invoices AS SELECT * FROM invoices WHERE NOT paid
                      GRANT SELECT ON invoices TO reporting
                      CREATE TABLE invoices (id int PRIMARY KEY, customer_id int REFERENCES customers, paid boolean)
                      CREATE SEQUENCE invoice_numbers
                      CREATE TRIGGER t AFTER INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION f()
                      CREATE TABLE customers (LIKE public.people INCLUDING INDEXES)""", CreateSchema.class);
            assertThat(schema.schema()).isEqualTo(id("billing"));
            assertThat(schema.elements())
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly(
                            "CreateRelation",
                            "CreateTable",
                            "CreateTable",
                            "CreateRelation",
                            "CreateIndex",
                            "CreateTrigger");
            assertThat(((CreateTable) schema.elements().get(1)).table()).isEqualTo(name(null, "invoices"));
            // "invoices" after the element's "CREATE TABLE " in column 3
            assertThat(((CreateTable) schema.elements().get(1)).position()).isEqualTo(new SourcePosition(5, 16));
            CreateTable customers = (CreateTable) schema.elements().get(2);
            assertThat(customers.form().likes())
                    .singleElement()
                    .satisfies(like -> assertThat(like.including()).containsExactly(LikeOption.INDEXES));
            assertThat(((CreateRelation) schema.elements().get(0)).kind()).isEqualTo(RelationKind.SEQUENCE);
        }

        @Test
        void readsTruncate() {
            Truncate truncate = only("TRUNCATE TABLE ONLY public.a, b * RESTART IDENTITY CASCADE", Truncate.class);
            assertThat(truncate.tables()).containsExactly(name("public", "a"), name(null, "b"));
            assertThat(truncate.cascade()).isTrue();
            assertThat(only("TRUNCATE a", Truncate.class).cascade()).isFalse();
        }

        @Test
        void deleteWithoutWhereDeletesAll() {
            DeleteAll all = only("DELETE FROM ONLY public.users AS u", DeleteAll.class);
            assertThat(all.table()).isEqualTo(name("public", "users"));
            assertThat(read("DELETE FROM users WHERE id = 1")).isEmpty();
            assertThat(read("DELETE FROM users USING (SELECT 1 WHERE true) s"))
                    .singleElement()
                    .isInstanceOf(DeleteAll.class);
            assertThat(read("WITH old AS (SELECT id FROM u) DELETE FROM users WHERE id IN (SELECT id FROM old)"))
                    .isEmpty();
        }

        @Test
        void readsSetSearchPath() {
            assertThat(only("SET search_path TO app, public", SetSearchPath.class)
                            .schemas())
                    .containsExactly(id("app"), id("public"));
            assertThat(only("set local search_path = \"$user\", Extensions", SetSearchPath.class)
                            .schemas())
                    .containsExactly(quoted("$user"), id("Extensions"));
            assertThat(only("SET SESSION search_path = ''", SetSearchPath.class).schemas())
                    .isEmpty();
            assertThat(only("SET search_path TO 'My Schema'", SetSearchPath.class)
                            .schemas())
                    .containsExactly(quoted("My Schema"));
            assertThat(only("SET search_path TO DEFAULT", SetSearchPath.class).schemas())
                    .containsExactly(quoted("$user"), id("public"));
            assertThat(only("RESET search_path", SetSearchPath.class).schemas()).hasSize(2);
            assertThat(read("SET statement_timeout = 0")).isEmpty();
            assertThat(read("SET client_min_messages TO warning")).isEmpty();
        }

        @Test
        void readsSetConfigAsPgDumpWritesIt() {
            assertThat(only("SELECT pg_catalog.set_config('search_path', '', false)", SetSearchPath.class)
                            .schemas())
                    .isEmpty();
            assertThat(only("SELECT set_config('search_path', 'a, \"B\"\"c\", public', false)", SetSearchPath.class)
                            .schemas())
                    .containsExactly(id("a"), quoted("B\"c"), id("public"));
            assertThat(only("select set_config('search_path', '\"$user\",public', true)", SetSearchPath.class)
                            .schemas())
                    .containsExactly(quoted("$user"), id("public"));
            assertThat(read("SELECT pg_catalog.set_config('lock_timeout', '0', false)"))
                    .isEmpty();
            assertUnreadable("SELECT set_config('search_path', current_setting('search_path') || ',x', false)");
        }

        @Test
        void readsTriggers() {
            CreateTrigger trigger = only("""
                    CREATE TRIGGER on_auth_user_created
                      AFTER INSERT OR UPDATE OF email, phone ON auth.users
                      FOR EACH ROW WHEN (NEW.email IS NOT NULL) EXECUTE FUNCTION public.handle_new_user()""", CreateTrigger.class);
            assertThat(trigger.name()).isEqualTo(id("on_auth_user_created"));
            assertThat(trigger.table()).isEqualTo(name("auth", "users"));
            assertThat(trigger.function()).isEqualTo(name("public", "handle_new_user"));
            assertThat(trigger.events()).containsExactly("INSERT", "UPDATE");
            CreateTrigger constraint = only(
                    "create or replace constraint trigger t before delete or truncate on x deferrable initially deferred for each row execute procedure f('a')",
                    CreateTrigger.class);
            assertThat(constraint.events()).containsExactly("DELETE", "TRUNCATE");
            assertThat(constraint.function()).isEqualTo(name(null, "f"));
            assertThat(only("CREATE TRIGGER v INSTEAD OF INSERT ON v EXECUTE FUNCTION g()", CreateTrigger.class)
                            .events())
                    .containsExactly("INSERT");
        }

        @Test
        void readsFunctionBodiesWhereverAsStands() {
            CreateFunction dollar = only("""
                    CREATE OR REPLACE FUNCTION public.handle_new_user()
                    RETURNS trigger AS $$
                    BEGIN
                      INSERT INTO public.users (id) VALUES (NEW.id);
                      RETURN NEW;
                    END;
                    $$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public""", CreateFunction.class);
            assertThat(dollar.name()).isEqualTo(name("public", "handle_new_user"));
            assertThat(dollar.body())
                    .contains("INSERT INTO public.users (id) VALUES (NEW.id);")
                    .startsWith("\nBEGIN");
            CreateFunction languageFirst = only("""
                    create function public.set_owner() returns trigger
                    language plpgsql security definer set search_path = ''
                    as $function$ begin new.owner := auth.uid(); return new; end; $function$""", CreateFunction.class);
            assertThat(languageFirst.body()).isEqualTo(" begin new.owner := auth.uid(); return new; end; ");
            CreateFunction quotedBody = only(
                    "CREATE FUNCTION f(a int, b text DEFAULT 'x') RETURNS TABLE (n int) AS 'select ''y''::text' LANGUAGE sql",
                    CreateFunction.class);
            assertThat(quotedBody.body()).isEqualTo("select 'y'::text");
            CreateFunction standard =
                    only("CREATE FUNCTION g() RETURNS int LANGUAGE sql RETURN 1 + 1", CreateFunction.class);
            assertThat(standard.body()).isEqualTo("RETURN 1 + 1");
            CreateFunction procedure =
                    only("CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN END $$", CreateFunction.class);
            assertThat(procedure.body()).isEqualTo(" BEGIN END ");
        }

        @Test
        void statementsNotReadHereAreUnreadable() {
            assertUnreadable("CREATE AGGREGATE a (sfunc = f, stype = int)");
            assertUnreadable("GRANT SELECT ON t TO x");
            assertUnreadable("DROP POLICY p ON t");
            assertUnreadable("CREATE OR REPLACE TABLE t (a int)");
        }
    }

    @Nested
    class TouchedTables {

        @Test
        void namesTheTablesFromLeadingKeywords() {
            assertThat(touched("CREATE TABLE IF NOT EXISTS public.a (x int) INHERITS (garbage"))
                    .containsExactly(name("public", "a"));
            assertThat(touched("CREATE UNLOGGED TABLE a (")).containsExactly(name(null, "a"));
            assertThat(touched("ALTER TABLE IF EXISTS ONLY public.a FROBNICATE"))
                    .containsExactly(name("public", "a"));
            assertThat(touched("DROP TABLE IF EXISTS a, b.c CASCADE")).containsExactly(name(null, "a"), name("b", "c"));
            assertThat(touched("CREATE UNIQUE INDEX CONCURRENTLY i ON ONLY s.t USING gin ((x->>'y'))"))
                    .containsExactly(name("s", "t"));
            assertThat(touched("CREATE INDEX ON t (a)")).containsExactly(name(null, "t"));
            assertThat(touched("TRUNCATE TABLE ONLY a, b RESTART IDENTITY"))
                    .containsExactly(name(null, "a"), name(null, "b"));
        }

        @Test
        void isEmptyWhenUnknownOrBroken() {
            assertThat(touched("GRANT ALL ON t TO x")).isEmpty();
            assertThat(touched("ALTER TABLE")).isEmpty();
            assertThat(touched("")).isEmpty();
            assertThat(FallbackReader.touchedTables(null)).isEmpty();
            assertThat(FallbackReader.touchedTables(new SqlStatement(null, 0, 0, 1, 1, StatementKind.OTHER)))
                    .isEmpty();
        }

        private List<QualifiedName> touched(String sql) {
            return FallbackReader.touchedTables(statement(sql));
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "   ",
                    "-- only a comment",
                    "\u0000\u0001\u0002 ((( '",
                    "CREATE TABLE t (a int DEFAULT 'never closed",
                    "CREATE TABLE t (a text DEFAULT $x$ never closed",
                    "CREATE TABLE \"never closed",
                    "ALTER TABLE t ADD CONSTRAINT /* never closed",
                    ")))(((",
                    "CREATE TABLE t (a int)))",
                    "ALTER TABLE t ADD COLUMN a int DEFAULT (1))",
                    "SET search_path TO 1, 2",
                    "SELECT set_config('search_path', 'a,,b', false)",
                    "SELECT set_config('search_path', '\"unterminated', false)",
                })
        void garbageIsUnreadableWithoutException(String sql) {
            assertThat(FallbackReader.read(statement(sql))).isEmpty();
        }

        @Test
        void trailingSemicolonsAreNotPartOfTheStatement() {
            assertThat(read("ALTER TABLE t DROP COLUMN c;; \n")).singleElement().isInstanceOf(AlterTable.class);
            assertThat(FallbackReader.touchedTables(statement("TRUNCATE a, b;")))
                    .hasSize(2);
        }

        @Test
        void nullStatementIsUnreadable() {
            assertThat(FallbackReader.read(null)).isEmpty();
            assertThat(FallbackReader.read(new SqlStatement(null, 0, 0, 1, 1, StatementKind.OTHER)))
                    .isEmpty();
        }

        @Test
        void deepNestingNeedsNoStack() {
            // far deeper than a recursive-descent parser survives on a default stack
            String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
            CreateTable table = only("CREATE TABLE t (a int DEFAULT " + deep + " NOT NULL)", CreateTable.class);
            assertThat(table.columns().get(0).defaultExpression()).hasSize(20_001);
            assertUnreadable("CREATE TABLE t (a int DEFAULT " + "(".repeat(10_000) + ")");
        }
    }

    @Nested
    class RandomInput {
        private static final List<String> SAMPLES = List.of(
                """
                CREATE TABLE IF NOT EXISTS public.child (
                  id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
                  "Weird ""Quoted"" Col" text DEFAULT E'it\\'s' NOT NULL,
                  tags text[] DEFAULT '{}'::text[],
                  user_id uuid CONSTRAINT c_fk REFERENCES auth.users(id) ON DELETE SET NULL (user_id),
                  CONSTRAINT child_pair_fk FOREIGN KEY (a, b) REFERENCES public.pair (a, b) MATCH FULL ON UPDATE CASCADE,
                  UNIQUE NULLS NOT DISTINCT (tags)
                ) INHERITS (public.parent)""",
                "ALTER TABLE IF EXISTS ONLY public.a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES public.b(id) NOT VALID",
                """
                ALTER TABLE public.posts
                  ADD COLUMN IF NOT EXISTS category_id bigint REFERENCES public.categories(id) ON DELETE SET NULL,
                  ALTER COLUMN x TYPE numeric(10, 2) USING x::numeric,
                  RENAME CONSTRAINT a TO b""",
                "ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_pkey\" PRIMARY KEY USING INDEX \"Post_idx\"",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY public.t USING btree (a, \"B\") WHERE c",
                "DROP TABLE IF EXISTS a, b.c CASCADE",
                "TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE",
                "DELETE FROM ONLY public.users AS u",
                "SET search_path TO \"$user\", public, 'x'",
                "SELECT pg_catalog.set_config('search_path', 'a, \"B\"', false)",
                """
                CREATE TRIGGER t AFTER INSERT OR UPDATE OF a, b ON auth.users
                FOR EACH ROW WHEN (NEW.a IS NOT NULL) EXECUTE FUNCTION public.f()""",
                """
                CREATE OR REPLACE FUNCTION public.f() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = ''
                AS $fn$ BEGIN INSERT INTO public.users VALUES (NEW.id); RETURN NEW; END $fn$""",
                "CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION postgres",
                "CREATE TABLE p1 PARTITION OF p (PRIMARY KEY (id)) FOR VALUES IN (1)\r\n");

        private static final List<String> FRAGMENTS = List.of(
                "CREATE",
                "TABLE",
                "ALTER",
                "ADD",
                "COLUMN",
                "CONSTRAINT",
                "FOREIGN",
                "KEY",
                "PRIMARY",
                "UNIQUE",
                "REFERENCES",
                "ON",
                "DELETE",
                "UPDATE",
                "SET",
                "NULL",
                "NOT",
                "DEFAULT",
                "CHECK",
                "INHERITS",
                "PARTITION",
                "OF",
                "AS",
                "IF",
                "EXISTS",
                "ONLY",
                "INDEX",
                "TRIGGER",
                "FUNCTION",
                "EXECUTE",
                "DROP",
                "TRUNCATE",
                "CASCADE",
                "RENAME",
                "TO",
                "TYPE",
                "USING",
                "WHERE",
                "search_path",
                "SELECT",
                "set_config",
                "GENERATED",
                "ALWAYS",
                "IDENTITY",
                "LIKE",
                "EXCLUDE",
                "(",
                ")",
                "(",
                ")",
                ",",
                ",",
                ".",
                ";",
                "'",
                "''",
                "\"",
                "\"\"",
                "$$",
                "$a$",
                "--",
                "/*",
                "*/",
                "E'",
                "\\",
                "::",
                "[",
                "]",
                "=",
                "*",
                "x",
                "public",
                "auth.users",
                "t",
                "\"Q\"",
                "1",
                "2.5e3",
                "$1",
                "\u00e9",
                "\u0000",
                "\n",
                "\r\n",
                "\r",
                "\t");

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
        void neverThrowsAndKeepsPositionsInsideTheStatement(long seed) {
            Random random = new Random(seed);
            int checked = 0;
            for (int i = 0; i < 400; i++) {
                String sql = switch (i % 4) {
                    case 0 -> soup(random);
                    case 1 -> prefix(random);
                    case 2 -> mutation(random);
                    default -> SAMPLES.get(random.nextInt(SAMPLES.size()));
                };
                int line = 1 + random.nextInt(1000);
                int column = 1 + random.nextInt(80);
                SqlStatement statement = statement(sql, line, column, StatementKind.OTHER);
                Optional<List<SchemaChange>> changes = FallbackReader.read(statement);
                List<QualifiedName> touched = FallbackReader.touchedTables(statement);
                assertThat(touched).doesNotContainNull();
                if (changes.isPresent()) {
                    for (SourcePosition position : positions(changes.get())) {
                        assertInside(position, statement);
                        checked++;
                    }
                }
            }
            // the valid samples alone guarantee positions were checked
            assertThat(checked).isPositive();
        }

        @Test
        void everyValidSampleIsReadable() {
            for (String sql : SAMPLES) {
                assertThat(FallbackReader.read(statement(sql))).as(sql).isPresent();
            }
        }

        private static String soup(Random random) {
            StringBuilder sql = new StringBuilder(random.nextBoolean() ? "CREATE TABLE t (" : "");
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                sql.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                sql.append(random.nextInt(4) == 0 ? "" : " ");
            }
            return sql.toString();
        }

        private static String prefix(Random random) {
            String sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
            return sample.substring(0, random.nextInt(sample.length() + 1));
        }

        private static String mutation(Random random) {
            StringBuilder sample = new StringBuilder(SAMPLES.get(random.nextInt(SAMPLES.size())));
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits && sample.length() > 0; i++) {
                int at = random.nextInt(sample.length());
                if (random.nextBoolean()) {
                    sample.deleteCharAt(at);
                } else {
                    sample.insert(at, "()'\",;$\n".charAt(random.nextInt(8)));
                }
            }
            return sample.toString();
        }

        private static void assertInside(SourcePosition position, SqlStatement statement) {
            SourcePosition start = new SourcePosition(statement.line(), statement.column());
            SourcePosition end = endOf(statement);
            assertThat(compare(position, start))
                    .as("%s not before the start %s of %s", position, start, statement.text())
                    .isGreaterThanOrEqualTo(0);
            assertThat(compare(position, end))
                    .as("%s not after the end %s of %s", position, end, statement.text())
                    .isLessThanOrEqualTo(0);
        }

        private static int compare(SourcePosition a, SourcePosition b) {
            return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
        }

        /** The position of the statement's last character (line breaks: \n, \r\n, lone \r). */
        private static SourcePosition endOf(SqlStatement statement) {
            String text = statement.text();
            int line = statement.line();
            int column = statement.column();
            for (int i = 0; i + 1 < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineBreak = c == '\n' || (c == '\r' && text.charAt(i + 1) != '\n');
                if (lineBreak) {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new SourcePosition(line, column);
        }

        private static List<SourcePosition> positions(List<SchemaChange> changes) {
            List<SourcePosition> out = new ArrayList<>();
            for (SchemaChange change : changes) {
                out.add(change.position());
                if (change instanceof CreateTable table) {
                    table.columns().forEach(c -> out.add(c.position()));
                    table.keys().forEach(k -> out.add(k.position()));
                    table.foreignKeys().forEach(fk -> addForeignKey(out, fk));
                } else if (change instanceof AlterTable alter) {
                    for (AlterAction action : alter.actions()) {
                        out.add(action.position());
                        if (action instanceof AddColumn add) {
                            out.add(add.column().position());
                            if (add.foreignKey() != null) {
                                addForeignKey(out, add.foreignKey());
                            }
                        } else if (action instanceof AddForeignKey add) {
                            addForeignKey(out, add.foreignKey());
                        } else if (action instanceof AddKey add) {
                            out.add(add.key().position());
                        }
                    }
                }
            }
            return out;
        }

        private static void addForeignKey(List<SourcePosition> out, ForeignKeySpec fk) {
            out.add(fk.position());
            out.add(fk.targetPosition());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY",
                "alter table if exists only \"Orders\" * force row level security",
                "ALTER TABLE t OWNER TO postgres",
                "ALTER TABLE t ALTER COLUMN a SET STATISTICS 100",
                "ALTER TABLE t ALTER a DROP NOT NULL"
            })
    void tellsAnAlterTableThatMayOnlyLookUpItsTableFromItsFirstWords(String sql) {
        assertThat(FallbackReader.startsWithHarmlessAction(statement(sql))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)",
                "ALTER TABLE t DROP COLUMN a",
                "ALTER TABLE t RENAME TO u",
                "ALTER TABLE t ALTER COLUMN a TYPE bigint",
                "ALTER TABLE t SET SCHEMA s",
                "CREATE TABLE t (a int)",
                "ALTER TABLE"
            })
    void leavesEveryOtherStatementToTheFullReading(String sql) {
        assertThat(FallbackReader.startsWithHarmlessAction(statement(sql))).isFalse();
    }
}
