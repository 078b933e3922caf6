package dev.refguard.parse.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.ParseOutcome;
import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.block.BlockStep.Block;
import dev.refguard.parse.block.BlockStep.Dynamic;
import dev.refguard.parse.block.BlockStep.If;
import dev.refguard.parse.block.BlockStep.Loop;
import dev.refguard.parse.block.BlockStep.Raise;
import dev.refguard.parse.block.BlockStep.Run;
import dev.refguard.parse.block.CatalogGuard.And;
import dev.refguard.parse.block.CatalogGuard.Exists;
import dev.refguard.parse.block.CatalogGuard.Not;
import dev.refguard.parse.block.CatalogGuard.Opaque;
import dev.refguard.parse.block.CatalogGuard.Or;
import dev.refguard.parse.block.CatalogGuard.RegclassNull;
import dev.refguard.parse.block.CatalogQuery.Column;
import dev.refguard.parse.block.CatalogQuery.Condition;
import dev.refguard.parse.block.CatalogQuery.Literal;
import dev.refguard.split.LineIndex;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoBodyReaderTest {
    /** The texts the reader handed to the statement reader, in order. */
    private final List<String> read = new ArrayList<>();

    private DoBodyReader.Result read(String file) {
        SqlStatement doBlock = StatementSplitter.split(file).statements().stream()
                .filter(s -> s.text().regionMatches(true, 0, "DO", 0, 2))
                .findFirst()
                .orElse(new SqlStatement(file, 0, file.length(), 1, 1, dev.refguard.split.StatementKind.DO_BLOCK));
        return DoBodyReader.read(doBlock, LineIndex.of(file), st -> {
            read.add(st.text().strip());
            return new ParsedStatement(
                    st.kind(), st.line(), st.column(), "f", List.of(), ParseOutcome.PARSED, null, List.of(), true);
        });
    }

    @Test
    void readsIfElsifElseWithCatalogueGuardsAndFilePositions() {
        String file = """
                -- header
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'users_pkey') THEN
                    ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
                  ELSIF to_regclass('public.legacy') IS NOT NULL AND EXISTS (
                      SELECT 1 FROM information_schema.columns c
                      WHERE c.table_schema = 'public' AND c.table_name = 'legacy' AND c.column_name = 'x') THEN
                    DROP TABLE legacy;
                  ELSE
                    CREATE TABLE other (id int);
                  END IF;
                END $$;
                """;
        DoBodyReader.Result result = read(file);

        assertThat(result.status()).isEqualTo(DoBodyReader.Status.READ);
        assertThat(result.steps()).hasSize(1);
        If ifStep = (If) result.steps().get(0);
        assertThat(ifStep.position()).isEqualTo(new SourcePosition(4, 3));
        assertThat(ifStep.branches()).hasSize(2);
        Not not = (Not) ifStep.branches().get(0).condition();
        Exists exists = (Exists) not.operand();
        assertThat(exists.query().sources())
                .extracting(CatalogQuery.Source::relation)
                .containsExactly("pg_constraint");
        assertThat(exists.query().conditions())
                .containsExactly(new Condition(new Column(null, "conname"), true, new Literal("users_pkey", null)));
        Run add = (Run) ifStep.branches().get(0).body().get(0);
        assertThat(add.position()).isEqualTo(new SourcePosition(5, 5));
        And and = (And) ifStep.branches().get(1).condition();
        assertThat(and.operands().get(0))
                .isEqualTo(new RegclassNull("public", "legacy", false, new SourcePosition(6, 9)));
        assertThat(((Exists) and.operands().get(1)).query().conditions()).hasSize(3);
        assertThat(ifStep.otherwise()).hasSize(1);
        assertThat(read)
                .containsExactly(
                        "ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id)",
                        "DROP TABLE legacy",
                        "CREATE TABLE other (id int)");
    }

    @Test
    void readsExceptionHandlersNestedBlocksLoopsAndRaise() {
        String file = """
                do $body$
                declare
                  r record;
                begin
                  begin
                    alter table a add constraint a_b_fk foreign key (b) references b (id);
                  exception
                    when duplicate_object or sqlstate '42P07' then null;
                    when others then raise notice 'skipped';
                  end;
                  for r in select * from pg_tables loop
                    perform 1;
                  end loop;
                  raise exception 'stop' using errcode = '22012';
                end
                $body$;
                """;
        DoBodyReader.Result result = read(file);

        List<BlockStep> steps = result.steps();
        assertThat(steps).hasSize(3);
        Block block = (Block) steps.get(0);
        assertThat(block.body()).hasSize(1);
        assertThat(block.handlers()).hasSize(2);
        assertThat(block.handlers().get(0).conditions()).containsExactly("duplicate_object", "sqlstate '42p07'");
        assertThat(block.handlers().get(1).conditions()).containsExactly("others");
        assertThat(block.handlers().get(1).body()).isEmpty();
        assertThat(steps.get(1)).isInstanceOf(Loop.class);
        assertThat(((Raise) steps.get(2)).sqlstate()).isEqualTo("22012");
    }

    @Test
    void selectIntoAssignsVariablesUnlessExecuted() {
        String file = """
                DO $$
                DECLARE n int;
                BEGIN
                  SELECT count(*) INTO n FROM t;
                  EXECUTE 'SELECT * INTO t_copy FROM t';
                END $$;
                """;
        DoBodyReader.Result result = read(file);

        assertThat(read).containsExactly("SELECT * INTO t_copy FROM t");
        assertThat(result.steps()).singleElement().isInstanceOf(Run.class);
    }

    @Test
    void executeOfLiteralsAndFormatIsReadAsTheStatementBuilt() {
        String file = """
                DO $$
                BEGIN
                  EXECUTE 'ALTER TABLE t ADD COLUMN ''x'' text';
                  EXECUTE format('CREATE TABLE %I.%I (id %s, note text default %L)', 'app', 'User', 'int', 'it''s');
                  EXECUTE 'CREATE TABLE ' || quote_ident(tname) || ' (id int)';
                  EXECUTE format('GRANT SELECT ON %I TO anon', tname);
                  EXECUTE 'UPDATE t SET x = 1' || suffix;
                END $$;
                """;
        DoBodyReader.Result result = read(file);

        assertThat(read)
                .containsExactly(
                        "ALTER TABLE t ADD COLUMN 'x' text",
                        "CREATE TABLE app.\"User\" (id int, note text default 'it''s')");
        assertThat(result.steps()).hasSize(5);
        assertThat(((Run) result.steps().get(0)).position()).isEqualTo(new SourcePosition(3, 11));
        assertThat(((Run) result.steps().get(1)).position()).isEqualTo(new SourcePosition(4, 11));
        assertThat(((Dynamic) result.steps().get(2)).mayCreateTables()).isTrue();
        assertThat(((Dynamic) result.steps().get(3)).mayCreateTables()).isFalse();
        assertThat(((Dynamic) result.steps().get(4)).mayCreateTables()).isFalse();
    }

    @Test
    void guardsOutsideTheCatalogueAreOpaqueAndCountComparisonsAreExists() {
        String file = """
                DO $$ BEGIN
                  IF (SELECT count(*) FROM information_schema.tables WHERE table_name = 'x') = 0 OR v_flag THEN
                    NULL;
                  END IF;
                  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
                    NULL;
                  END IF;
                  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'x' OR tablename = 'y') THEN
                    NULL;
                  END IF;
                END $$;
                """;
        List<BlockStep> steps = read(file).steps();

        Or or = (Or) ((If) steps.get(0)).branches().get(0).condition();
        assertThat(or.operands().get(0)).isInstanceOf(Not.class);
        assertThat(((Not) or.operands().get(0)).operand()).isInstanceOf(Exists.class);
        assertThat(or.operands().get(1)).isEqualTo(new Opaque("v_flag", new SourcePosition(2, 85)));
        assertThat(((If) steps.get(1)).branches().get(0).condition()).isInstanceOf(Opaque.class);
        assertThat(((If) steps.get(2)).branches().get(0).condition()).isInstanceOf(Opaque.class);
    }

    @Test
    void joinsOfPgClassAndPgNamespaceAreRead() {
        String file = """
                DO 'BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n
                                 ON n.oid = c.relnamespace WHERE n.nspname = ''public'' AND c.relname = ''t'') THEN
                    CREATE TABLE t (id int);
                  END IF;
                END';
                """;
        List<BlockStep> steps = read(file).steps();

        Exists exists = (Exists) ((Not) ((If) steps.get(0)).branches().get(0).condition()).operand();
        assertThat(exists.query().sources())
                .containsExactly(
                        new CatalogQuery.Source("pg_class", "c"), new CatalogQuery.Source("pg_namespace", "n"));
        assertThat(exists.query().conditions())
                .contains(new Condition(new Column("n", "nspname"), true, new Literal("public", null)));
        assertThat(read).containsExactly("CREATE TABLE t (id int)");
    }

    @Test
    void neverThrowsOnTruncatedBodies() {
        for (String body : List.of(
                "DO $$ BEGIN IF EXISTS (SELECT",
                "DO $$ BEGIN IF THEN END IF; $$",
                "DO $$ BEGIN EXCEPTION WHEN THEN $$",
                "DO $$ BEGIN EXECUTE format('%', 1); EXECUTE format('%5$I', 'a'); END $$",
                "DO $$ <<l>> BEGIN CASE x WHEN 1 THEN NULL; END CASE; END l $$",
                "DO $$ END; END; END $$")) {
            assertThat(read(body).status()).isNotNull();
        }
    }
}
