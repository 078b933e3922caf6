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
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JSqlParserReaderTest {

    /** Where every test statement starts in its imaginary file: mid-line, so the translation shows. */
    private static final int LINE = 40;

    private static final int COLUMN = 5;

    private static Statement parse(String sql) {
        try {
            return CCJSqlParserUtil.newParser(sql)
                    .withDialect(Dialect.POSTGRESQL)
                    .Statement();
        } catch (ParseException e) {
            throw new AssertionError("JSqlParser did not parse the test statement: " + e.getMessage(), e);
        }
    }

    /** The changes of {@code sql}, which must map. */
    private static List<SchemaChange> map(String sql) {
        JSqlParserRun.Attempt attempt = JSqlParserReader.map(parse(sql), statement(sql));
        assertThat(attempt.failure()).as("why %s was not mapped", sql).isNull();
        return attempt.changes();
    }

    /** Why {@code sql}, which JSqlParser parses, is not mapped. */
    private static String rejection(String sql) {
        JSqlParserRun.Attempt attempt = JSqlParserReader.map(parse(sql), statement(sql));
        assertThat(attempt.changes()).as("changes of %s", sql).isNull();
        return attempt.failure();
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

        // the first line starts at column 5 of the file, later lines at column 1
        assertThat(map(sql))
                .containsExactly(new CreateTable(
                        name("public", "profiles"),
                        false,
                        List.of(
                                new ColumnSpec(Identifier.of("id"), "uuid", false, false, null, at(41, 3)),
                                new ColumnSpec(
                                        Identifier.quoted("displayName"), "text", false, false, null, at(42, 3))),
                        List.of(),
                        List.of(new ForeignKeySpec(
                                null,
                                ids("id"),
                                name("auth", "users"),
                                ids("id"),
                                "CASCADE",
                                null,
                                at(41, 20),
                                at(41, 31),
                                true)),
                        true,
                        at(40, 18),
                        SchemaChange.TableForm.PLAIN));
    }

    @Test
    void readsTableLevelQuotedPrismaForeignKeyWithBothActions() {
        String sql = """
                CREATE TABLE IF NOT EXISTS public.orders (
                  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  "userId" bigint,
                  CONSTRAINT orders_user_fk FOREIGN KEY ("userId") REFERENCES public."users"(id) ON UPDATE CASCADE ON DELETE SET NULL
                )""";

        assertThat(map(sql))
                .containsExactly(new CreateTable(
                        name("public", "orders"),
                        true,
                        List.of(
                                new ColumnSpec(Identifier.of("id"), "bigint", true, false, null, at(41, 3)),
                                new ColumnSpec(Identifier.quoted("userId"), "bigint", false, false, null, at(42, 3))),
                        List.of(),
                        List.of(new ForeignKeySpec(
                                Identifier.of("orders_user_fk"),
                                List.of(Identifier.quoted("userId")),
                                new QualifiedName(Identifier.of("public"), Identifier.quoted("users")),
                                ids("id"),
                                "SET NULL",
                                "CASCADE",
                                at(43, 3),
                                at(43, 63))),
                        true,
                        at(40, 32),
                        SchemaChange.TableForm.PLAIN));
    }

    @Test
    void leavesTargetColumnsEmptyWhenReferencesHasNoColumnList() {
        String sql = """
                CREATE TABLE public.comments (
                  post_id bigint REFERENCES public.posts(id) ON DELETE CASCADE,
                  author_id uuid REFERENCES auth.users ON DELETE CASCADE
                )""";

        CreateTable table = only(map(sql), CreateTable.class);

        assertThat(table.foreignKeys())
                .containsExactly(
                        new ForeignKeySpec(
                                null,
                                ids("post_id"),
                                name("public", "posts"),
                                ids("id"),
                                "CASCADE",
                                null,
                                at(41, 18),
                                at(41, 29),
                                true),
                        new ForeignKeySpec(
                                null,
                                ids("author_id"),
                                name("auth", "users"),
                                List.of(),
                                "CASCADE",
                                null,
                                at(42, 18),
                                at(42, 29),
                                true));
        assertThat(table)
                .isEqualTo(new CreateTable(
                        name("public", "comments"),
                        false,
                        List.of(
                                new ColumnSpec(Identifier.of("post_id"), "bigint", false, false, null, at(41, 3)),
                                new ColumnSpec(Identifier.of("author_id"), "uuid", false, false, null, at(42, 3))),
                        List.of(),
                        table.foreignKeys(),
                        true,
                        at(40, 18),
                        SchemaChange.TableForm.PLAIN));
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

        // the CHECK constraint changes nothing modelled
        assertThat(map(sql))
                .containsExactly(new CreateTable(
                        name("public", "line_items"),
                        false,
                        List.of(
                                new ColumnSpec(Identifier.of("tenant_id"), "uuid", false, false, null, at(41, 3)),
                                new ColumnSpec(Identifier.of("order_id"), "bigint", false, false, null, at(42, 3)),
                                new ColumnSpec(Identifier.of("sku"), "text", false, false, null, at(43, 3))),
                        List.of(
                                new KeySpec(null, ids("tenant_id", "order_id"), true, at(44, 3)),
                                new KeySpec(
                                        Identifier.of("line_items_sku_key"),
                                        ids("tenant_id", "sku"),
                                        false,
                                        at(45, 3))),
                        List.of(new ForeignKeySpec(
                                null,
                                ids("tenant_id", "order_id"),
                                name("public", "orders"),
                                ids("tenant_id", "id"),
                                "CASCADE",
                                null,
                                at(47, 3),
                                at(47, 48))),
                        true,
                        at(40, 18),
                        SchemaChange.TableForm.PLAIN));
    }

    @Test
    void unquotesMixedCaseAndCollapsesDoubledQuotes() {
        String sql = """
                CREATE TABLE "public"."Mixed Case" (
                  "Weird ""Quoted"" Col" integer references "public"."Other Table"("Id")
                )""";

        Identifier column = Identifier.quoted("Weird \"Quoted\" Col");
        assertThat(map(sql))
                .containsExactly(new CreateTable(
                        new QualifiedName(Identifier.quoted("public"), Identifier.quoted("Mixed Case")),
                        false,
                        List.of(new ColumnSpec(column, "integer", false, false, null, at(41, 3))),
                        List.of(),
                        List.of(new ForeignKeySpec(
                                null,
                                List.of(column),
                                new QualifiedName(Identifier.quoted("public"), Identifier.quoted("Other Table")),
                                List.of(Identifier.quoted("Id")),
                                null,
                                null,
                                at(41, 34),
                                at(41, 45),
                                true)),
                        true,
                        at(40, 18),
                        SchemaChange.TableForm.PLAIN));
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

        assertThat(map(sql))
                .containsExactly(new CreateTable(
                        QualifiedName.of(Identifier.quoted("User")),
                        false,
                        List.of(
                                new ColumnSpec(Identifier.quoted("id"), "TEXT", false, false, null, at(41, 5)),
                                new ColumnSpec(
                                        Identifier.quoted("email"),
                                        "character varying(255)",
                                        false,
                                        true,
                                        null,
                                        at(42, 5)),
                                new ColumnSpec(
                                        Identifier.quoted("role"), "\"Role\"", false, false, "'USER'", at(43, 5)),
                                new ColumnSpec(
                                        Identifier.quoted("tags"), "text[]", false, false, "'{}'::text[]", at(44, 5)),
                                new ColumnSpec(
                                        Identifier.quoted("createdAt"),
                                        "TIMESTAMP(3)",
                                        false,
                                        false,
                                        "CURRENT_TIMESTAMP",
                                        at(45, 5)),
                                new ColumnSpec(
                                        Identifier.quoted("ownerId"), "uuid", false, false, "auth.uid()", at(46, 5)),
                                new ColumnSpec(
                                        Identifier.quoted("price"), "numeric(10, 2)", false, false, null, at(47, 5))),
                        List.of(new KeySpec(
                                Identifier.quoted("User_pkey"), List.of(Identifier.quoted("id")), true, at(48, 5))),
                        List.of(),
                        true,
                        at(40, 18),
                        SchemaChange.TableForm.PLAIN));
    }

    @Test
    void takesInlineConstraintNameOfReferences() {
        CreateTable table = only(
                map("CREATE TABLE x (b int CONSTRAINT b_fk REFERENCES y(id) DEFERRABLE INITIALLY DEFERRED)"),
                CreateTable.class);

        assertThat(table.foreignKeys())
                .containsExactly(new ForeignKeySpec(
                        Identifier.of("b_fk"),
                        ids("b"),
                        name(null, "y"),
                        ids("id"),
                        null,
                        null,
                        at(40, 5 + 38),
                        at(40, 5 + 49),
                        true));
        assertThat(table)
                .isEqualTo(new CreateTable(
                        name(null, "x"),
                        false,
                        List.of(new ColumnSpec(Identifier.of("b"), "int", false, false, null, at(40, 5 + 16))),
                        List.of(),
                        table.foreignKeys(),
                        true,
                        at(40, 5 + 13),
                        SchemaChange.TableForm.PLAIN));
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
        assertThat(rejection(sql))
                .isEqualTo("CREATE TABLE ... AS, OF, PARTITION OF, INHERITS and LIKE are read by the token reader");
    }

    @Test
    void readsTemporaryTables() {
        SchemaChange.TableForm temporary =
                new SchemaChange.TableForm(true, List.of(), null, List.of(), false, false, null, false);
        SchemaChange.TableForm unlogged =
                new SchemaChange.TableForm(false, List.of(), null, List.of(), false, false, null, true);
        SchemaChange.TableForm partitioned =
                new SchemaChange.TableForm(false, List.of(), null, List.of(), false, true, null, false);

        assertThat(map("CREATE TEMPORARY TABLE t (id int primary key)"))
                .containsExactly(table(
                        "t",
                        5 + 23,
                        temporary,
                        new ColumnSpec(Identifier.of("id"), "int", true, false, null, at(40, 5 + 26))));
        assertThat(map("CREATE GLOBAL TEMP TABLE t (id int)"))
                .containsExactly(table("t", 5 + 25, temporary, column("id", 5 + 28)));
        assertThat(map("CREATE UNLOGGED TABLE t (id int)"))
                .containsExactly(table("t", 5 + 22, unlogged, column("id", 5 + 25)));
        assertThat(map("CREATE TABLE t (id int)"))
                .containsExactly(table("t", 5 + 13, SchemaChange.TableForm.PLAIN, column("id", 5 + 16)));
        assertThat(map("CREATE TABLE p (id int, k int) PARTITION BY LIST (k)"))
                .containsExactly(table("p", 5 + 13, partitioned, column("id", 5 + 16), column("k", 5 + 24)));
    }

    /** A column {@code name int} without keys or default, at {@code column} of line 40. */
    private static ColumnSpec column(String name, int column) {
        return new ColumnSpec(Identifier.of(name), "int", false, false, null, at(40, column));
    }

    /** A table of only {@code columns}, named at {@code column} of line 40. */
    private static CreateTable table(String name, int column, SchemaChange.TableForm form, ColumnSpec... columns) {
        return new CreateTable(
                name(null, name), false, List.of(columns), List.of(), List.of(), true, at(40, column), form);
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
        assertThat(rejection("CREATE TABLE x (\"A\" int REFERENCES y REFERENCES z)"))
                .isEqualTo("column \"A\" has more than one REFERENCES");
    }

    // ---------------------------------------------------------------- ALTER TABLE

    @Test
    void readsPrismaAddConstraintForeignKey() {
        assertThat(map("ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\")"
                        + " REFERENCES \"User\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE"))
                .containsExactly(new AlterTable(
                        QualifiedName.of(Identifier.quoted("Post")),
                        false,
                        List.of(new AddForeignKey(
                                new ForeignKeySpec(
                                        Identifier.quoted("Post_authorId_fkey"),
                                        List.of(Identifier.quoted("authorId")),
                                        QualifiedName.of(Identifier.quoted("User")),
                                        List.of(Identifier.quoted("id")),
                                        "RESTRICT",
                                        "CASCADE",
                                        at(40, 5 + 23),
                                        at(40, 5 + 91)),
                                at(40, 5 + 19))),
                        at(40, 5 + 12)));
    }

    @Test
    void readsNotValidForeignKey() {
        assertThat(map("ALTER TABLE public.comments ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id)"
                        + " REFERENCES public.posts(id) ON DELETE CASCADE NOT VALID"))
                .containsExactly(new AlterTable(
                        name("public", "comments"),
                        false,
                        List.of(new AddForeignKey(
                                new ForeignKeySpec(
                                        Identifier.of("comments_post_id_fkey"),
                                        ids("post_id"),
                                        name("public", "posts"),
                                        ids("id"),
                                        "CASCADE",
                                        null,
                                        at(40, 5 + 32),
                                        at(40, 5 + 98)),
                                at(40, 5 + 28))),
                        at(40, 5 + 12)));
    }

    @Test
    void readsDeferrableForeignKeyWithoutConstraintKeyword() {
        assertThat(map("ALTER TABLE public.a ADD FOREIGN KEY (b_id) REFERENCES public.b(id)"
                        + " DEFERRABLE INITIALLY DEFERRED"))
                .containsExactly(new AlterTable(
                        name("public", "a"),
                        false,
                        List.of(new AddForeignKey(
                                new ForeignKeySpec(
                                        null,
                                        ids("b_id"),
                                        name("public", "b"),
                                        ids("id"),
                                        null,
                                        null,
                                        at(40, 5 + 25),
                                        at(40, 5 + 55)),
                                at(40, 5 + 21))),
                        at(40, 5 + 12)));
    }

    @Test
    void readsPgDumpAlterTableOnlyAcrossLines() {
        String sql = """
                ALTER TABLE ONLY public.profiles
                    ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE""";

        assertThat(map(sql))
                .containsExactly(new AlterTable(
                        name("public", "profiles"),
                        false,
                        List.of(new AddForeignKey(
                                new ForeignKeySpec(
                                        Identifier.of("profiles_id_fkey"),
                                        ids("id"),
                                        name("auth", "users"),
                                        ids("id"),
                                        "CASCADE",
                                        null,
                                        at(41, 9),
                                        at(41, 65)),
                                at(41, 5))),
                        at(40, 22)));
    }

    @Test
    void readsAddColumnIfNotExistsWithReferences() {
        assertThat(map("ALTER TABLE IF EXISTS public.posts ADD COLUMN IF NOT EXISTS category_id bigint"
                        + " REFERENCES public.categories(id) ON DELETE SET NULL"))
                .containsExactly(new AlterTable(
                        name("public", "posts"),
                        true,
                        List.of(new AddColumn(
                                new ColumnSpec(
                                        Identifier.of("category_id"), "bigint", false, false, null, at(40, 5 + 60)),
                                true,
                                new ForeignKeySpec(
                                        null,
                                        ids("category_id"),
                                        name("public", "categories"),
                                        ids("id"),
                                        "SET NULL",
                                        null,
                                        at(40, 5 + 79),
                                        at(40, 5 + 90),
                                        true),
                                at(40, 5 + 35))),
                        at(40, 5 + 22)));
    }

    @Test
    void readsInlineKeysAndDefaultOfAddedColumn() {
        assertThat(map("ALTER TABLE x ADD COLUMN a int DEFAULT auth.uid()"
                        + " REFERENCES public.users(id) ON DELETE CASCADE PRIMARY KEY, ADD b text UNIQUE"))
                .containsExactly(new AlterTable(
                        name(null, "x"),
                        false,
                        List.of(
                                new AddColumn(
                                        new ColumnSpec(
                                                Identifier.of("a"), "int", true, false, "auth.uid()", at(40, 5 + 25)),
                                        false,
                                        new ForeignKeySpec(
                                                null,
                                                ids("a"),
                                                name("public", "users"),
                                                ids("id"),
                                                "CASCADE",
                                                null,
                                                at(40, 5 + 50),
                                                at(40, 5 + 61),
                                                true),
                                        at(40, 5 + 14)),
                                new AddColumn(
                                        new ColumnSpec(Identifier.of("b"), "text", false, true, null, at(40, 5 + 113)),
                                        false,
                                        null,
                                        at(40, 5 + 109))),
                        at(40, 5 + 12)));
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

        // SET NOT NULL changes nothing modelled
        assertThat(alter(sql).actions())
                .containsExactly(
                        new AddColumn(
                                new ColumnSpec(Identifier.of("a"), "int", false, false, null, at(41, 14)),
                                false,
                                null,
                                at(41, 3)),
                        new DropColumn(Identifier.of("c"), true, true, at(42, 3)),
                        new AddForeignKey(
                                new ForeignKeySpec(
                                        Identifier.of("f"),
                                        ids("a"),
                                        name(null, "u"),
                                        List.of(),
                                        null,
                                        null,
                                        at(43, 7),
                                        at(43, 47)),
                                at(43, 3)),
                        new AlterColumnType(Identifier.of("b"), "text", at(44, 3)),
                        new AlterColumnDefault(Identifier.of("d"), "now()", at(45, 3)),
                        new DropConstraint(Identifier.of("g"), false, at(47, 3)));
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
        assertThat(alter("ALTER TABLE x ADD CONSTRAINT \"Weird \"\"Name\"\"\" UNIQUE (a, \"B\")")
                        .actions())
                .containsExactly(new AddKey(
                        new KeySpec(
                                Identifier.quoted("Weird \"Name\""),
                                List.of(Identifier.of("a"), Identifier.quoted("B")),
                                false,
                                at(40, 5 + 18)),
                        null,
                        at(40, 5 + 14)));
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
        QualifiedName table = sql.startsWith("ALTER TABLE public.events") ? name("public", "events") : name(null, "t");

        assertThat(map(sql)).containsExactly(new AlterTable(table, false, List.of(), at(40, 5 + 12)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                    ALTER TABLE x ADD KEY k (a)          | unexpected constraint kind INDEX
                    ALTER TABLE x ADD INDEX k (a)        | unexpected constraint kind INDEX
                    ALTER TABLE t SET SCHEMA             | SET SCHEMA is not followed by one name
                    ALTER TABLE t CLUSTER                | ALTER TABLE action 'CLUSTER ...' is not mapped
                    ALTER TABLE t SET foo                | ALTER TABLE action 'SET ...' is not mapped
                    ALTER TABLE t MODIFY a int           | ALTER TABLE ... MODIFY is MySQL's, not PostgreSQL's
                    ALTER TABLE t CHANGE a b int         | ALTER TABLE ... CHANGE is MySQL's, not PostgreSQL's
                    ALTER TABLE t ALTER COLUMN a SET foo | ALTER COLUMN action is not mapped
                    ALTER TABLE t ALTER COLUMN a int     | ALTER COLUMN action is not mapped
                    ALTER TABLE t DROP PRIMARY KEY       | DROP action is neither a column nor a constraint
                    ALTER TABLE t RENAME INDEX a TO b    | RENAME form RENAME_INDEX is not mapped
                    """)
    void rejectsAlterActionsItDoesNotKnow(String sql, String reason) {
        assertThat(rejection(sql)).isEqualTo(reason);
    }

    // ---------------------------------------------------------------- other statements

    @Test
    void readsWhetherATableLevelKeyIsDeferrable() {
        CreateTable table = only(
                map("create table t (a int, b int, unique (a) deferrable initially deferred,"
                        + " constraint t_b_key unique (b) not deferrable)"),
                CreateTable.class);

        assertThat(table.keys())
                .containsExactly(
                        new KeySpec(null, ids("a"), false, at(40, 5 + 30), true),
                        new KeySpec(Identifier.of("t_b_key"), ids("b"), false, at(40, 5 + 72), false));
        assertThat(table)
                .isEqualTo(new CreateTable(
                        name(null, "t"),
                        false,
                        List.of(column("a", 5 + 16), column("b", 5 + 23)),
                        table.keys(),
                        List.of(),
                        true,
                        at(40, 5 + 13),
                        SchemaChange.TableForm.PLAIN));
    }

    @Test
    void readsDropTableIfExistsCascade() {
        assertThat(map("DROP TABLE IF EXISTS a, public.\"B\" CASCADE"))
                .containsExactly(new DropTable(
                        List.of(name(null, "a"), new QualifiedName(Identifier.of("public"), Identifier.quoted("B"))),
                        true,
                        true,
                        at(40, 5)));
    }

    @Test
    void readsCreateSchemaIfNotExists() {
        assertThat(map("create schema if not exists billing"))
                .containsExactly(new CreateSchema(Identifier.of("billing"), at(40, 5), true, List.of()));
        assertThat(map("create schema billing"))
                .containsExactly(new CreateSchema(Identifier.of("billing"), at(40, 5), false, List.of()));
    }

    @Test
    void readsDropSchemaCascade() {
        assertThat(map("DROP SCHEMA IF EXISTS s1, s2 CASCADE"))
                .containsExactly(new DropSchema(ids("s1", "s2"), true, at(40, 5)));
    }

    @Test
    void mapsDropOfOtherObjectsToNothing() {
        assertThat(map("DROP VIEW v")).isEmpty();
        assertThat(map("DROP INDEX i")).isEmpty();
    }

    @Test
    void readsPrismaUniqueIndex() {
        assertThat(map("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\")"))
                .containsExactly(new CreateIndex(
                        Identifier.quoted("User_email_key"),
                        QualifiedName.of(Identifier.quoted("User")),
                        List.of(Identifier.quoted("email")),
                        true,
                        at(40, 5),
                        false,
                        false,
                        false));
    }

    @Test
    void givesNoColumnsForExpressionOrPartialUniqueIndex() {
        // this mapper does not read WHERE, expressions or IF NOT EXISTS (partial, hasExpressions and ifNotExists stay
        // false): StatementReader gives every CREATE INDEX to the token reader, which does (FallbackReaderTest)
        assertThat(map("CREATE UNIQUE INDEX ON t (lower(email))"))
                .containsExactly(
                        new CreateIndex(null, name(null, "t"), List.of(), true, at(40, 5), false, false, false));
        assertThat(map("CREATE UNIQUE INDEX u ON t (email) WHERE deleted_at IS NULL"))
                .containsExactly(new CreateIndex(
                        Identifier.of("u"), name(null, "t"), List.of(), true, at(40, 5), false, false, false));
        assertThat(
                        map(
                                "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY public.t USING btree (a DESC NULLS LAST, b)"))
                .containsExactly(new CreateIndex(
                        Identifier.of("idx"),
                        name("public", "t"),
                        ids("a", "b"),
                        false,
                        at(40, 5),
                        false,
                        false,
                        false));
    }

    @Test
    void readsCreateSchemaAndSchemaNamedAfterRole() {
        assertThat(map("CREATE SCHEMA IF NOT EXISTS \"App\""))
                .containsExactly(new CreateSchema(Identifier.quoted("App"), at(40, 5), true, List.of()));
        assertThat(map("CREATE SCHEMA AUTHORIZATION joe"))
                .containsExactly(new CreateSchema(Identifier.of("joe"), at(40, 5), false, List.of()));
    }

    @Test
    void readsTruncateWithCascade() {
        assertThat(map("TRUNCATE TABLE a, public.b CASCADE"))
                .containsExactly(new Truncate(List.of(name(null, "a"), name("public", "b")), true, at(40, 5)));
    }

    @Test
    void readsDeleteWithoutWhereAsDeleteAll() {
        assertThat(map("DELETE FROM public.users")).containsExactly(new DeleteAll(name("public", "users"), at(40, 5)));
        assertThat(map("DELETE FROM users WHERE id = 1")).isEmpty();
    }

    @Test
    void readsCreateTrigger() {
        assertThat(map("CREATE TRIGGER on_auth_user_created AFTER INSERT OR UPDATE ON auth.users"
                        + " FOR EACH ROW EXECUTE FUNCTION public.handle_new_user()"))
                .containsExactly(new CreateTrigger(
                        Identifier.of("on_auth_user_created"),
                        name("auth", "users"),
                        name("public", "handle_new_user"),
                        List.of("INSERT", "UPDATE"),
                        at(40, 5)));
    }

    @Test
    void readsSetSearchPath() {
        assertThat(map("SET search_path = public, extensions"))
                .containsExactly(new SetSearchPath(ids("public", "extensions"), at(40, 5), false, false));
        assertThat(map("SET search_path = ''")).containsExactly(new SetSearchPath(List.of(), at(40, 5), false, false));
        // DEFAULT is PostgreSQL's default path, spelled out
        assertThat(map("SET search_path = DEFAULT"))
                .containsExactly(new SetSearchPath(
                        List.of(Identifier.quoted("$user"), Identifier.of("public")), at(40, 5), false, false));
        assertThat(map("SET statement_timeout = 0")).isEmpty();
    }

    @Test
    void rejectsUnsupportedStatement() {
        assertThat(rejection("ALTER FUNCTION f() OWNER TO x")).isEqualTo("JSqlParser does not support this statement");
        assertThat(rejection("ALTER INDEX i RENAME TO j")).isEqualTo("JSqlParser does not support this statement");
    }

    @Test
    void rejectsMissingStatementAndOpaqueForms() {
        assertThat(JSqlParserReader.map(null, statement("x")))
                .isEqualTo(new JSqlParserRun.Attempt(null, "JSqlParser returned no statement"));
        assertThat(rejection("CREATE SCHEMA s CREATE TABLE t (a int)"))
                .isEqualTo("CREATE SCHEMA with schema elements is not mapped");
        assertThat(rejection("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql"))
                .isEqualTo("JSqlParser read it as CreateFunction, which is not mapped");
        assertThat(rejection("SELECT pg_catalog.set_config('search_path', '', false)"))
                .isEqualTo("set_config is read by the token fallback");
    }

    @Test
    void translatesPositionsAcrossCrLfAndTabs() {
        String sql = "CREATE TABLE\tfoo (\r\n\ta int REFERENCES\tbar(id)\r\n)";

        assertThat(map(sql))
                .containsExactly(new CreateTable(
                        name(null, "foo"),
                        false,
                        List.of(new ColumnSpec(Identifier.of("a"), "int", false, false, null, at(41, 2))),
                        List.of(),
                        List.of(new ForeignKeySpec(
                                null, ids("a"), name(null, "bar"), ids("id"), null, null, at(41, 8), at(41, 19), true)),
                        true,
                        at(40, 5 + 13),
                        SchemaChange.TableForm.PLAIN));
    }

    @Test
    void ignoresReferencesInsideCommentsAndStrings() {
        assertThat(
                        map(
                                "CREATE TABLE t (a int /* REFERENCES x */, b text DEFAULT 'REFERENCES y', -- REFERENCES z\n c int)"))
                .containsExactly(new CreateTable(
                        name(null, "t"),
                        false,
                        List.of(
                                column("a", 21),
                                new ColumnSpec(Identifier.of("b"), "text", false, false, "'REFERENCES y'", at(40, 47)),
                                new ColumnSpec(Identifier.of("c"), "int", false, false, null, at(41, 2))),
                        List.of(),
                        List.of(),
                        true,
                        at(40, 18),
                        SchemaChange.TableForm.PLAIN));
    }

    /**
     * Every statement of a corpus of real-world forms has exactly the outcome recorded in {@code
     * jsqlparser-corpus.expected}: JSqlParser's parse error, the mapper's reason for not mapping it, or the exact
     * changes (their records); and every position of the changes lies inside the statement. A changed outcome
     * fails the test, which writes what it got to {@code target/jsqlparser-corpus.actual} to compare.
     */
    @Test
    void mapsOrRejectsEveryCorpusStatementExactlyAsRecorded() throws Exception {
        String corpus = resource("jsqlparser-corpus.sql");
        StringBuilder actual = new StringBuilder();
        int mapped = 0;
        int rejected = 0;
        int unparsed = 0;
        for (String sql : corpus.split("\n-- ----\n")) {
            String statement = sql.strip();
            actual.append("-- ")
                    .append(statement.lines().findFirst().orElse(""))
                    .append('\n');
            Statement ast;
            try {
                ast = CCJSqlParserUtil.newParser(statement)
                        .withDialect(Dialect.POSTGRESQL)
                        .Statement();
            } catch (ParseException | TokenMgrException e) {
                // JSqlParser's documented failures; which statements fail is part of the record
                actual.append("not parsed: ")
                        .append(e.getClass().getSimpleName())
                        .append(": ")
                        .append(e.getMessage().lines().findFirst().orElse(""))
                        .append('\n');
                unparsed++;
                continue;
            }
            JSqlParserRun.Attempt attempt = JSqlParserReader.map(ast, statement(statement));
            if (attempt.changes() != null) {
                int lines = (int) statement.lines().count();
                for (SourcePosition position : positions(attempt.changes())) {
                    assertThat(position.line()).as(statement).isBetween(LINE, LINE + lines - 1);
                    if (position.line() == LINE) {
                        assertThat(position.column()).as(statement).isGreaterThanOrEqualTo(COLUMN);
                    }
                }
                for (SchemaChange change : attempt.changes()) {
                    actual.append("mapped: ").append(change).append('\n');
                }
                if (attempt.changes().isEmpty()) {
                    actual.append("mapped: nothing\n");
                }
                mapped++;
            } else {
                assertThat(attempt.failure()).as(statement).doesNotContain("\n");
                actual.append("rejected: ").append(attempt.failure()).append('\n');
                rejected++;
            }
        }
        String expected = resource("jsqlparser-corpus.expected");
        if (!actual.toString().equals(expected)) {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of("target", "jsqlparser-corpus.actual"), actual.toString());
        }
        assertThat(actual.toString()).isEqualTo(expected);
        assertThat(mapped + rejected + unparsed).isEqualTo(157);
    }

    private String resource(String name) throws java.io.IOException {
        try (var in = getClass().getResourceAsStream(name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
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
        assertThatThrownBy(() -> AstMapper.identifier("a DESC"))
                .isInstanceOf(AstMapper.UnmappableAst.class)
                .hasMessage("unexpected name text 'a DESC'");
        assertThatThrownBy(() -> AstMapper.identifier("\"\""))
                .isInstanceOf(AstMapper.UnmappableAst.class)
                .hasMessage("zero-length quoted name");
        assertThatThrownBy(() -> AstMapper.identifier("`x`"))
                .isInstanceOf(AstMapper.UnmappableAst.class)
                .hasMessage("unexpected name text '`x`'");
    }

    @Test
    void dropsCatalogPartOfThreePartName() {
        assertThat(map("CREATE TABLE db.sch.tab (a int)"))
                .containsExactly(new CreateTable(
                        name("sch", "tab"),
                        false,
                        List.of(column("a", 30)),
                        List.of(),
                        List.of(),
                        true,
                        at(40, 18),
                        SchemaChange.TableForm.PLAIN));
    }
}
