package dev.refguard.parse.jsqlparser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.Identifier;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SchemaChange.AddColumn;
import dev.refguard.parse.SchemaChange.AddForeignKey;
import dev.refguard.parse.SchemaChange.AddKey;
import dev.refguard.parse.SchemaChange.AlterColumnDefault;
import dev.refguard.parse.SchemaChange.AlterColumnType;
import dev.refguard.parse.SchemaChange.AlterTable;
import dev.refguard.parse.SchemaChange.CreateIndex;
import dev.refguard.parse.SchemaChange.CreateSchema;
import dev.refguard.parse.SchemaChange.CreateTable;
import dev.refguard.parse.SchemaChange.CreateTrigger;
import dev.refguard.parse.SchemaChange.DeleteAll;
import dev.refguard.parse.SchemaChange.DropColumn;
import dev.refguard.parse.SchemaChange.DropConstraint;
import dev.refguard.parse.SchemaChange.DropSchema;
import dev.refguard.parse.SchemaChange.DropTable;
import dev.refguard.parse.SchemaChange.RenameColumn;
import dev.refguard.parse.SchemaChange.RenameConstraint;
import dev.refguard.parse.SchemaChange.RenameTable;
import dev.refguard.parse.SchemaChange.SetSchema;
import dev.refguard.parse.SchemaChange.SetSearchPath;
import dev.refguard.parse.SchemaChange.Truncate;
import dev.refguard.parse.SourcePosition;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import java.util.List;
import net.sf.jsqlparser.parser.AbstractJSqlParser.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JSqlParserReaderTest {

    /** Where every test statement starts in its imaginary file: mid-line, so the translation shows. */
    private static final int LINE = 40;

    private static final int COLUMN = 5;

    private static List<SchemaChange> map(String sql) {
        Statement ast;
        try {
            ast = CCJSqlParserUtil.newParser(sql)
                    .withDialect(Dialect.POSTGRESQL)
                    .Statement();
        } catch (Exception e) {
            throw new AssertionError("JSqlParser did not parse the test statement: " + e.getMessage(), e);
        }
        return JSqlParserReader.map(ast, statement(sql));
    }

    private static SqlStatement statement(String sql) {
        return new SqlStatement(sql, 100, 100 + sql.length(), LINE, COLUMN, StatementKind.OTHER);
    }

    private static <T> T only(List<SchemaChange> changes, Class<T> type) {
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0)).isInstanceOf(type);
        return type.cast(changes.get(0));
    }

    private static AlterTable alter(String sql) {
        return only(map(sql), AlterTable.class);
    }

    private static QualifiedName name(String schema, String table) {
        return new QualifiedName(schema == null ? null : Identifier.of(schema), Identifier.of(table));
    }

    private static List<Identifier> ids(String... names) {
        return java.util.Arrays.stream(names).map(Identifier::of).toList();
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(line, column);
    }

    // ---------------------------------------------------------------- CREATE TABLE

    @Test
    void readsInlineReferencesToAuthUsersWithFilePositions() {
        String sql = """
                CREATE TABLE public.profiles (
                  id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
                  "displayName" text
                )""";

        CreateTable table = only(map(sql), CreateTable.class);

        assertThat(table.table()).isEqualTo(name("public", "profiles"));
        assertThat(table.ifNotExists()).isFalse();
        assertThat(table.columnsKnown()).isTrue();
        // the first line starts at column 5 of the file, later lines at column 1
        assertThat(table.position()).isEqualTo(at(40, 18));
        assertThat(table.columns())
                .extracting(ColumnSpec::name, ColumnSpec::type, ColumnSpec::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Identifier.of("id"), "uuid", at(41, 3)),
                        org.assertj.core.groups.Tuple.tuple(Identifier.quoted("displayName"), "text", at(42, 3)));
        ForeignKeySpec fk = table.foreignKeys().get(0);
        assertThat(table.foreignKeys()).hasSize(1);
        assertThat(fk.constraintName()).isNull();
        assertThat(fk.columns()).containsExactly(Identifier.of("id"));
        assertThat(fk.target()).isEqualTo(name("auth", "users"));
        assertThat(fk.targetColumns()).containsExactly(Identifier.of("id"));
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
        assertThat(fk.onUpdate()).isNull();
        assertThat(fk.position()).isEqualTo(at(41, 20));
        assertThat(fk.targetPosition()).isEqualTo(at(41, 31));
    }

    @Test
    void readsTableLevelQuotedPrismaForeignKeyWithBothActions() {
        String sql = """
                CREATE TABLE IF NOT EXISTS public.orders (
                  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  "userId" bigint,
                  CONSTRAINT orders_user_fk FOREIGN KEY ("userId") REFERENCES public."users"(id) ON UPDATE CASCADE ON DELETE SET NULL
                )""";

        CreateTable table = only(map(sql), CreateTable.class);

        assertThat(table.ifNotExists()).isTrue();
        assertThat(table.position()).isEqualTo(at(40, 32));
        assertThat(table.columns().get(0).primaryKey()).isTrue();
        ForeignKeySpec fk = table.foreignKeys().get(0);
        assertThat(fk.constraintName()).isEqualTo(Identifier.of("orders_user_fk"));
        assertThat(fk.columns()).containsExactly(Identifier.quoted("userId"));
        assertThat(fk.target()).isEqualTo(new QualifiedName(Identifier.of("public"), Identifier.quoted("users")));
        assertThat(fk.onDelete()).isEqualTo("SET NULL");
        assertThat(fk.onUpdate()).isEqualTo("CASCADE");
        assertThat(fk.position()).isEqualTo(at(43, 3));
        assertThat(fk.targetPosition()).isEqualTo(at(43, 63));
    }

    @Test
    void leavesTargetColumnsEmptyWhenReferencesHasNoColumnList() {
        String sql = """
                CREATE TABLE public.comments (
                  post_id bigint REFERENCES public.posts(id) ON DELETE CASCADE,
                  author_id uuid REFERENCES auth.users ON DELETE CASCADE
                )""";

        CreateTable table = only(map(sql), CreateTable.class);

        assertThat(table.foreignKeys()).hasSize(2);
        ForeignKeySpec author = table.foreignKeys().get(1);
        assertThat(author.target()).isEqualTo(name("auth", "users"));
        assertThat(author.targetColumns()).isEmpty();
        assertThat(author.position()).isEqualTo(at(42, 18));
    }

    @Test
    void readsCompositeForeignKeyAndTableLevelKeys() {
        String sql = """
                CREATE TABLE public.line_items (
                  tenant_id uuid NOT NULL,
                  order_id bigint NOT NULL,
                  sku text,
                  PRIMARY KEY (tenant_id, order_id),
                  CONSTRAINT line_items_sku_key UNIQUE (tenant_id, sku),
                  CHECK (sku <> ''),
                  FOREIGN KEY (tenant_id, order_id) REFERENCES public.orders (tenant_id, id) MATCH FULL ON DELETE CASCADE
                )""";

        CreateTable table = only(map(sql), CreateTable.class);

        ForeignKeySpec fk = table.foreignKeys().get(0);
        assertThat(fk.columns()).isEqualTo(ids("tenant_id", "order_id"));
        assertThat(fk.targetColumns()).isEqualTo(ids("tenant_id", "id"));
        assertThat(fk.constraintName()).isNull();
        assertThat(fk.position()).isEqualTo(at(47, 3));
        assertThat(table.keys())
                .containsExactly(
                        new KeySpec(null, ids("tenant_id", "order_id"), true, at(44, 3)),
                        new KeySpec(Identifier.of("line_items_sku_key"), ids("tenant_id", "sku"), false, at(45, 3)));
    }

    @Test
    void unquotesMixedCaseAndCollapsesDoubledQuotes() {
        String sql = """
                CREATE TABLE "public"."Mixed Case" (
                  "Weird ""Quoted"" Col" integer references "public"."Other Table"("Id")
                )""";

        CreateTable table = only(map(sql), CreateTable.class);

        assertThat(table.table())
                .isEqualTo(new QualifiedName(Identifier.quoted("public"), Identifier.quoted("Mixed Case")));
        assertThat(table.columns().get(0).name()).isEqualTo(Identifier.quoted("Weird \"Quoted\" Col"));
        ForeignKeySpec fk = table.foreignKeys().get(0);
        assertThat(fk.columns()).containsExactly(Identifier.quoted("Weird \"Quoted\" Col"));
        assertThat(fk.target())
                .isEqualTo(new QualifiedName(Identifier.quoted("public"), Identifier.quoted("Other Table")));
        assertThat(fk.targetColumns()).containsExactly(Identifier.quoted("Id"));
        assertThat(fk.onDelete()).isNull();
    }

    @Test
    void keepsPrismaTypesAsWrittenWithDefaultsAndInlineKeys() {
        String sql = """
                CREATE TABLE "User" (
                    "id" TEXT NOT NULL,
                    "email" character varying(255) NOT NULL UNIQUE,
                    "role" "Role" NOT NULL DEFAULT 'USER',
                    "tags" text[] DEFAULT '{}'::text[],
                    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    "ownerId" uuid DEFAULT auth.uid(),
                    "price" numeric(10, 2),
                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                )""";

        CreateTable table = only(map(sql), CreateTable.class);

        assertThat(table.columns())
                .extracting(ColumnSpec::type)
                .containsExactly(
                        "TEXT",
                        "character varying(255)",
                        "\"Role\"",
                        "text[]",
                        "TIMESTAMP(3)",
                        "uuid",
                        "numeric(10, 2)");
        assertThat(table.columns())
                .extracting(ColumnSpec::defaultExpression)
                .containsExactly(null, null, "'USER'", "'{}'::text[]", "CURRENT_TIMESTAMP", "auth.uid()", null);
        assertThat(table.columns().get(1).unique()).isTrue();
        assertThat(table.columns().get(1).primaryKey()).isFalse();
        assertThat(table.keys())
                .containsExactly(
                        new KeySpec(Identifier.quoted("User_pkey"), List.of(Identifier.quoted("id")), true, at(48, 5)));
        assertThat(table.foreignKeys()).isEmpty();
    }

    @Test
    void takesInlineConstraintNameOfReferences() {
        CreateTable table = only(
                map("CREATE TABLE x (b int CONSTRAINT b_fk REFERENCES y(id) DEFERRABLE INITIALLY DEFERRED)"),
                CreateTable.class);

        assertThat(table.foreignKeys().get(0).constraintName()).isEqualTo(Identifier.of("b_fk"));
        assertThat(table.foreignKeys().get(0).targetColumns()).isEqualTo(ids("id"));
    }

    /**
     * The forms that take columns and keys from elsewhere go to the token reader, which gives the replay their
     * {@code TableForm} (FallbackReaderTest): JSqlParser keeps neither LIKE's INCLUDING options nor more than one
     * INHERITS parent.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE p1 PARTITION OF t (CONSTRAINT p1_pk PRIMARY KEY (a)) FOR VALUES IN (1)",
                "CREATE TABLE public.copy (LIKE public.profiles INCLUDING ALL, extra int)",
                "CREATE TABLE ch (x int) INHERITS (profiles)",
                "CREATE TABLE ch (x int) INHERITS (p1, p2)",
                "CREATE TABLE s AS SELECT * FROM t",
                "CREATE TEMP TABLE s AS SELECT * FROM t"
            })
    void leavesTablesMadeFromOtherTablesToTheTokenReader(String sql) {
        assertThatThrownBy(() -> map(sql))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token reader");
    }

    @Test
    void readsTemporaryTables() {
        CreateTable temp = only(map("CREATE TEMPORARY TABLE t (id int primary key)"), CreateTable.class);
        CreateTable global = only(map("CREATE GLOBAL TEMP TABLE t (id int)"), CreateTable.class);
        CreateTable unlogged = only(map("CREATE UNLOGGED TABLE t (id int)"), CreateTable.class);
        CreateTable plain = only(map("CREATE TABLE t (id int)"), CreateTable.class);

        assertThat(temp.form().temporary()).isTrue();
        assertThat(temp.columns()).extracting(ColumnSpec::name).containsExactly(Identifier.of("id"));
        assertThat(global.form().temporary()).isTrue();
        assertThat(unlogged.form().unlogged()).isTrue();
        assertThat(unlogged.form().temporary()).isFalse();
        assertThat(plain.form()).isEqualTo(SchemaChange.TableForm.PLAIN);
        CreateTable partitioned = only(map("CREATE TABLE p (id int, k int) PARTITION BY LIST (k)"), CreateTable.class);
        assertThat(partitioned.form().partitioned()).isTrue();
    }

    @Test
    void readsSetLoggedAndUnlogged() {
        assertThat(alter("ALTER TABLE t SET LOGGED").actions())
                .containsExactly(new SchemaChange.SetLogged(true, at(40, 19)));
        assertThat(alter("ALTER TABLE t SET UNLOGGED").actions())
                .containsExactly(new SchemaChange.SetLogged(false, at(40, 19)));
    }

    @Test
    void rejectsColumnWithTwoReferences() {
        assertThatThrownBy(() -> map("CREATE TABLE x (\"A\" int REFERENCES y REFERENCES z)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column \"A\" has more than one REFERENCES");
    }

    // ---------------------------------------------------------------- ALTER TABLE

    @Test
    void readsPrismaAddConstraintForeignKey() {
        AlterTable alter = alter("ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\")"
                + " REFERENCES \"User\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE");

        assertThat(alter.table()).isEqualTo(QualifiedName.of(Identifier.quoted("Post")));
        assertThat(alter.ifExists()).isFalse();
        AddForeignKey add = (AddForeignKey) alter.actions().get(0);
        ForeignKeySpec fk = add.foreignKey();
        assertThat(fk.constraintName()).isEqualTo(Identifier.quoted("Post_authorId_fkey"));
        assertThat(fk.columns()).containsExactly(Identifier.quoted("authorId"));
        assertThat(fk.target()).isEqualTo(QualifiedName.of(Identifier.quoted("User")));
        assertThat(fk.targetColumns()).containsExactly(Identifier.quoted("id"));
        assertThat(fk.onDelete()).isEqualTo("RESTRICT");
        assertThat(fk.onUpdate()).isEqualTo("CASCADE");
        assertThat(add.position()).isEqualTo(at(40, 5 + 19));
        assertThat(fk.position()).isEqualTo(at(40, 5 + 23));
        assertThat(fk.targetPosition()).isEqualTo(at(40, 5 + 91));
    }

    @Test
    void readsNotValidForeignKey() {
        AlterTable alter =
                alter("ALTER TABLE public.comments ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id)"
                        + " REFERENCES public.posts(id) ON DELETE CASCADE NOT VALID");

        ForeignKeySpec fk = ((AddForeignKey) alter.actions().get(0)).foreignKey();
        assertThat(fk.target()).isEqualTo(name("public", "posts"));
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
    }

    @Test
    void readsDeferrableForeignKeyWithoutConstraintKeyword() {
        AlterTable alter = alter("ALTER TABLE public.a ADD FOREIGN KEY (b_id) REFERENCES public.b(id)"
                + " DEFERRABLE INITIALLY DEFERRED");

        ForeignKeySpec fk = ((AddForeignKey) alter.actions().get(0)).foreignKey();
        assertThat(fk.constraintName()).isNull();
        assertThat(fk.columns()).isEqualTo(ids("b_id"));
        assertThat(fk.position()).isEqualTo(at(40, 5 + 25));
    }

    @Test
    void readsPgDumpAlterTableOnlyAcrossLines() {
        String sql = """
                ALTER TABLE ONLY public.profiles
                    ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE""";

        AlterTable alter = alter(sql);

        assertThat(alter.table()).isEqualTo(name("public", "profiles"));
        assertThat(alter.position()).isEqualTo(at(40, 22));
        AddForeignKey add = (AddForeignKey) alter.actions().get(0);
        assertThat(add.position()).isEqualTo(at(41, 5));
        assertThat(add.foreignKey().position()).isEqualTo(at(41, 9));
        assertThat(add.foreignKey().targetPosition()).isEqualTo(at(41, 65));
        assertThat(add.foreignKey().target()).isEqualTo(name("auth", "users"));
    }

    @Test
    void readsAddColumnIfNotExistsWithReferences() {
        AlterTable alter = alter("ALTER TABLE IF EXISTS public.posts ADD COLUMN IF NOT EXISTS category_id bigint"
                + " REFERENCES public.categories(id) ON DELETE SET NULL");

        assertThat(alter.ifExists()).isTrue();
        AddColumn add = (AddColumn) alter.actions().get(0);
        assertThat(add.ifNotExists()).isTrue();
        assertThat(add.column().name()).isEqualTo(Identifier.of("category_id"));
        assertThat(add.column().type()).isEqualTo("bigint");
        assertThat(add.column().position()).isEqualTo(at(40, 5 + 60));
        assertThat(add.foreignKey().columns()).isEqualTo(ids("category_id"));
        assertThat(add.foreignKey().target()).isEqualTo(name("public", "categories"));
        assertThat(add.foreignKey().onDelete()).isEqualTo("SET NULL");
        assertThat(add.foreignKey().position()).isEqualTo(at(40, 5 + 79));
    }

    @Test
    void readsInlineKeysAndDefaultOfAddedColumn() {
        AlterTable alter = alter("ALTER TABLE x ADD COLUMN a int DEFAULT auth.uid()"
                + " REFERENCES public.users(id) ON DELETE CASCADE PRIMARY KEY, ADD b text UNIQUE");

        AddColumn a = (AddColumn) alter.actions().get(0);
        AddColumn b = (AddColumn) alter.actions().get(1);
        assertThat(a.column().primaryKey()).isTrue();
        assertThat(a.column().defaultExpression()).isEqualTo("auth.uid()");
        assertThat(a.foreignKey().target()).isEqualTo(name("public", "users"));
        assertThat(b.column().unique()).isTrue();
        assertThat(b.foreignKey()).isNull();
    }

    @Test
    void readsEveryActionOfMultiActionAlterInOrder() {
        String sql = """
                ALTER TABLE t
                  ADD COLUMN a int,
                  DROP COLUMN IF EXISTS c CASCADE,
                  ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u,
                  ALTER COLUMN b TYPE text,
                  ALTER COLUMN d SET DEFAULT now(),
                  ALTER COLUMN e SET NOT NULL,
                  DROP CONSTRAINT g""";

        AlterTable alter = alter(sql);

        assertThat(alter.actions())
                .extracting(a -> a.getClass().getSimpleName())
                .containsExactly(
                        "AddColumn",
                        "DropColumn",
                        "AddForeignKey",
                        "AlterColumnType",
                        "AlterColumnDefault",
                        "DropConstraint");
        assertThat(alter.actions())
                .extracting(SchemaChange.AlterAction::position)
                .containsExactly(at(41, 3), at(42, 3), at(43, 3), at(44, 3), at(45, 3), at(47, 3));
        assertThat(alter.actions().get(1)).isEqualTo(new DropColumn(Identifier.of("c"), true, true, at(42, 3)));
        ForeignKeySpec fk = ((AddForeignKey) alter.actions().get(2)).foreignKey();
        assertThat(fk.target()).isEqualTo(name(null, "u"));
        assertThat(fk.targetColumns()).isEmpty();
        assertThat(alter.actions().get(4)).isEqualTo(new AlterColumnDefault(Identifier.of("d"), "now()", at(45, 3)));
    }

    @Test
    void readsDropDefaultAsAColumnWithoutDefault() {
        AlterTable alter = alter("ALTER TABLE t ALTER COLUMN a DROP DEFAULT");

        // the token reader reads it the same way: the column's default is gone
        assertThat(alter.actions())
                .containsExactly(
                        new AlterColumnDefault(Identifier.of("a"), null, new SourcePosition(LINE, COLUMN + 14)));
    }

    @Test
    void readsRenameTable() {
        AlterTable alter = alter("ALTER TABLE \"User\" RENAME TO \"users\"");

        assertThat(alter.table()).isEqualTo(QualifiedName.of(Identifier.quoted("User")));
        assertThat(alter.actions()).containsExactly(new RenameTable(Identifier.quoted("users"), at(40, 5 + 19)));
    }

    @Test
    void readsRenameColumnWithAndWithoutColumnKeyword() {
        assertThat(alter("ALTER TABLE public.t RENAME COLUMN \"a\" TO b").actions())
                .containsExactly(new RenameColumn(Identifier.quoted("a"), Identifier.of("b"), at(40, 5 + 21)));
        assertThat(alter("ALTER TABLE t RENAME a TO b").actions())
                .containsExactly(new RenameColumn(Identifier.of("a"), Identifier.of("b"), at(40, 5 + 14)));
    }

    @Test
    void readsRenameConstraint() {
        assertThat(alter("ALTER TABLE t RENAME CONSTRAINT a TO b").actions())
                .containsExactly(new RenameConstraint(Identifier.of("a"), Identifier.of("b"), at(40, 5 + 14)));
    }

    @Test
    void readsSetSchemaFromTheTextJSqlParserKeepsOpaque() {
        assertThat(alter("ALTER TABLE x SET SCHEMA \"App\"").actions())
                .containsExactly(new SetSchema(Identifier.quoted("App"), at(40, 5 + 14)));
    }

    @Test
    void readsAlterColumnTypeWithUsing() {
        AlterTable alter = alter("ALTER TABLE t ALTER COLUMN a TYPE varchar(20)[] USING a::varchar(20)[]");

        assertThat(alter.actions())
                .containsExactly(new AlterColumnType(Identifier.of("a"), "varchar(20)[]", at(40, 5 + 14)));
    }

    @Test
    void readsDropConstraintIfExists() {
        assertThat(alter("ALTER TABLE t DROP CONSTRAINT IF EXISTS \"t_fkey\"").actions())
                .containsExactly(new DropConstraint(Identifier.quoted("t_fkey"), true, at(40, 5 + 14)));
    }

    @Test
    void readsAddPrimaryKeyConstraint() {
        AlterTable alter = alter("ALTER TABLE ONLY public.profiles ADD CONSTRAINT profiles_pkey PRIMARY KEY (id)");

        assertThat(alter.actions())
                .containsExactly(new AddKey(
                        new KeySpec(Identifier.of("profiles_pkey"), ids("id"), true, at(40, 5 + 37)),
                        null,
                        at(40, 5 + 33)));
    }

    @Test
    void recoversUniqueConstraintNameThatJSqlParserDrops() {
        AlterTable alter = alter("ALTER TABLE x ADD CONSTRAINT \"Weird \"\"Name\"\"\" UNIQUE (a, \"B\")");

        AddKey add = (AddKey) alter.actions().get(0);
        assertThat(add.key().constraintName()).isEqualTo(Identifier.quoted("Weird \"Name\""));
        assertThat(add.key().columns()).containsExactly(Identifier.of("a"), Identifier.quoted("B"));
        assertThat(add.key().primary()).isFalse();
    }

    @Test
    void ignoresCheckConstraint() {
        assertThat(alter("ALTER TABLE t ADD CONSTRAINT ck CHECK (a > 0)").actions())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE t FORCE ROW LEVEL SECURITY",
                "ALTER TABLE t OWNER TO postgres",
                "ALTER TABLE t REPLICA IDENTITY FULL",
                "ALTER TABLE t DISABLE TRIGGER ALL",
                "ALTER TABLE t ENABLE TRIGGER foo",
                "ALTER TABLE t VALIDATE CONSTRAINT c",
                "ALTER TABLE t SET (fillfactor = 70)",
                "ALTER TABLE t ALTER COLUMN a SET STATISTICS 100",
                "ALTER TABLE t ALTER COLUMN a SET STORAGE EXTERNAL",
                "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
                "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
                "ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "ALTER TABLE t DETACH PARTITION p",
                "ALTER TABLE t OF mytype",
                "ALTER TABLE t NOT OF"
            })
    void mapsHarmlessAlterActionsToNothing(String sql) {
        AlterTable alter = alter(sql);

        assertThat(alter.actions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE x ADD KEY k (a)",
                "ALTER TABLE x ADD INDEX k (a)",
                "ALTER TABLE t SET SCHEMA",
                "ALTER TABLE t CLUSTER",
                "ALTER TABLE t SET foo",
                "ALTER TABLE t MODIFY a int",
                "ALTER TABLE t CHANGE a b int",
                "ALTER TABLE t ALTER COLUMN a SET foo",
                "ALTER TABLE t ALTER COLUMN a int",
                "ALTER TABLE t DROP PRIMARY KEY",
                "ALTER TABLE t RENAME INDEX a TO b"
            })
    void rejectsAlterActionsItDoesNotKnow(String sql) {
        assertThatThrownBy(() -> map(sql)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- other statements

    @Test
    void readsWhetherATableLevelKeyIsDeferrable() {
        CreateTable table = only(
                map("create table t (a int, b int, unique (a) deferrable initially deferred,"
                        + " constraint t_b_key unique (b) not deferrable)"),
                CreateTable.class);

        assertThat(table.keys()).extracting(KeySpec::deferrable).containsExactly(true, false);
    }

    @Test
    void readsDropTableIfExistsCascade() {
        DropTable drop = only(map("DROP TABLE IF EXISTS a, public.\"B\" CASCADE"), DropTable.class);

        assertThat(drop.tables())
                .containsExactly(name(null, "a"), new QualifiedName(Identifier.of("public"), Identifier.quoted("B")));
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.cascade()).isTrue();
        assertThat(drop.position()).isEqualTo(at(40, 5));
    }

    @Test
    void readsCreateSchemaIfNotExists() {
        assertThat(only(map("create schema if not exists billing"), SchemaChange.CreateSchema.class)
                        .ifNotExists())
                .isTrue();
        assertThat(only(map("create schema billing"), SchemaChange.CreateSchema.class)
                        .ifNotExists())
                .isFalse();
    }

    @Test
    void readsDropSchemaCascade() {
        DropSchema drop = only(map("DROP SCHEMA IF EXISTS s1, s2 CASCADE"), DropSchema.class);

        assertThat(drop.schemas()).isEqualTo(ids("s1", "s2"));
        assertThat(drop.cascade()).isTrue();
    }

    @Test
    void mapsDropOfOtherObjectsToNothing() {
        assertThat(map("DROP VIEW v")).isEmpty();
        assertThat(map("DROP INDEX i")).isEmpty();
    }

    @Test
    void readsPrismaUniqueIndex() {
        CreateIndex index =
                only(map("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\")"), CreateIndex.class);

        assertThat(index.name()).isEqualTo(Identifier.quoted("User_email_key"));
        assertThat(index.table()).isEqualTo(QualifiedName.of(Identifier.quoted("User")));
        assertThat(index.columns()).containsExactly(Identifier.quoted("email"));
        assertThat(index.unique()).isTrue();
    }

    @Test
    void givesNoColumnsForExpressionOrPartialUniqueIndex() {
        CreateIndex expression = only(map("CREATE UNIQUE INDEX ON t (lower(email))"), CreateIndex.class);
        CreateIndex partial =
                only(map("CREATE UNIQUE INDEX u ON t (email) WHERE deleted_at IS NULL"), CreateIndex.class);
        CreateIndex plain = only(
                map("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY public.t USING btree (a DESC NULLS LAST, b)"),
                CreateIndex.class);

        assertThat(expression.columns()).isEmpty();
        assertThat(expression.name()).isNull();
        assertThat(partial.columns()).isEmpty();
        assertThat(plain.columns()).isEqualTo(ids("a", "b"));
        assertThat(plain.unique()).isFalse();
    }

    @Test
    void readsCreateSchemaAndSchemaNamedAfterRole() {
        assertThat(only(map("CREATE SCHEMA IF NOT EXISTS \"App\""), CreateSchema.class)
                        .schema())
                .isEqualTo(Identifier.quoted("App"));
        assertThat(only(map("CREATE SCHEMA AUTHORIZATION joe"), CreateSchema.class)
                        .schema())
                .isEqualTo(Identifier.of("joe"));
    }

    @Test
    void readsTruncateWithCascade() {
        Truncate truncate = only(map("TRUNCATE TABLE a, public.b CASCADE"), Truncate.class);

        assertThat(truncate.tables()).containsExactly(name(null, "a"), name("public", "b"));
        assertThat(truncate.cascade()).isTrue();
    }

    @Test
    void readsDeleteWithoutWhereAsDeleteAll() {
        assertThat(only(map("DELETE FROM public.users"), DeleteAll.class).table())
                .isEqualTo(name("public", "users"));
        assertThat(map("DELETE FROM users WHERE id = 1")).isEmpty();
    }

    @Test
    void readsCreateTrigger() {
        CreateTrigger trigger = only(
                map("CREATE TRIGGER on_auth_user_created AFTER INSERT OR UPDATE ON auth.users"
                        + " FOR EACH ROW EXECUTE FUNCTION public.handle_new_user()"),
                CreateTrigger.class);

        assertThat(trigger.name()).isEqualTo(Identifier.of("on_auth_user_created"));
        assertThat(trigger.table()).isEqualTo(name("auth", "users"));
        assertThat(trigger.function()).isEqualTo(name("public", "handle_new_user"));
        assertThat(trigger.events()).containsExactly("INSERT", "UPDATE");
    }

    @Test
    void readsSetSearchPath() {
        assertThat(only(map("SET search_path = public, extensions"), SetSearchPath.class)
                        .schemas())
                .isEqualTo(ids("public", "extensions"));
        assertThat(only(map("SET search_path = ''"), SetSearchPath.class).schemas())
                .isEmpty();
        assertThat(only(map("SET search_path = DEFAULT"), SetSearchPath.class).schemas())
                .containsExactly(Identifier.quoted("$user"), Identifier.of("public"));
        assertThat(map("SET statement_timeout = 0")).isEmpty();
    }

    @Test
    void rejectsUnsupportedStatement() {
        assertThatThrownBy(() -> map("ALTER FUNCTION f() OWNER TO x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not support");
        assertThatThrownBy(() -> map("ALTER INDEX i RENAME TO j")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMissingStatementAndOpaqueForms() {
        assertThatThrownBy(() -> JSqlParserReader.map(null, statement("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map("CREATE SCHEMA s CREATE TABLE t (a int)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        map("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map("SELECT pg_catalog.set_config('search_path', '', false)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void translatesPositionsAcrossCrLfAndTabs() {
        String sql = "CREATE TABLE\tfoo (\r\n\ta int REFERENCES\tbar(id)\r\n)";

        CreateTable table = only(map(sql), CreateTable.class);

        assertThat(table.position()).isEqualTo(at(40, 5 + 13));
        assertThat(table.columns().get(0).position()).isEqualTo(at(41, 2));
        assertThat(table.foreignKeys().get(0).position()).isEqualTo(at(41, 8));
        assertThat(table.foreignKeys().get(0).targetPosition()).isEqualTo(at(41, 19));
    }

    @Test
    void ignoresReferencesInsideCommentsAndStrings() {
        CreateTable table = only(
                map(
                        "CREATE TABLE t (a int /* REFERENCES x */, b text DEFAULT 'REFERENCES y', -- REFERENCES z\n c int)"),
                CreateTable.class);

        assertThat(table.foreignKeys()).isEmpty();
        assertThat(table.columns()).extracting(ColumnSpec::position).containsExactly(at(40, 21), at(40, 47), at(41, 2));
    }

    /**
     * Every statement of a corpus of real-world forms either maps, with every position inside the
     * statement, or is rejected with IllegalArgumentException; nothing else escapes.
     */
    @Test
    void mapsOrRejectsEveryCorpusStatementWithPositionsInsideIt() throws Exception {
        String corpus;
        try (var in = getClass().getResourceAsStream("jsqlparser-corpus.sql")) {
            corpus = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int mapped = 0;
        int rejected = 0;
        for (String sql : corpus.split("\n-- ----\n")) {
            String statement = sql.strip();
            Statement ast;
            try {
                ast = CCJSqlParserUtil.newParser(statement)
                        .withDialect(Dialect.POSTGRESQL)
                        .Statement();
            } catch (Exception | Error e) {
                continue;
            }
            try {
                List<SchemaChange> changes = JSqlParserReader.map(ast, statement(statement));
                int lines = (int) statement.lines().count();
                for (SourcePosition position : positions(changes)) {
                    assertThat(position.line()).as(statement).isBetween(LINE, LINE + lines - 1);
                    if (position.line() == LINE) {
                        assertThat(position.column()).as(statement).isGreaterThanOrEqualTo(COLUMN);
                    }
                }
                mapped++;
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(statement).isNotBlank().doesNotContain("\n");
                rejected++;
            }
        }
        assertThat(mapped).isGreaterThan(80);
        assertThat(rejected).isGreaterThan(10);
    }

    private static List<SourcePosition> positions(Object value) throws Exception {
        List<SourcePosition> out = new java.util.ArrayList<>();
        if (value instanceof SourcePosition position) {
            out.add(position);
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                out.addAll(positions(element));
            }
        } else if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                out.addAll(positions(component.getAccessor().invoke(record)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- names

    @Test
    void convertsRawNamesByPostgresQuotingRules() {
        assertThat(AstMapper.identifier("\"a\"\"b\"")).isEqualTo(Identifier.quoted("a\"b"));
        assertThat(AstMapper.identifier("Users")).isEqualTo(Identifier.of("Users"));
        assertThatThrownBy(() -> AstMapper.identifier("a DESC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AstMapper.identifier("\"\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AstMapper.identifier("`x`")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropsCatalogPartOfThreePartName() {
        CreateTable table = only(map("CREATE TABLE db.sch.tab (a int)"), CreateTable.class);

        assertThat(table.table()).isEqualTo(name("sch", "tab"));
    }
}
