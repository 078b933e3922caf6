package dev.refguard.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.jsqlparser.JSqlParserRun;
import dev.refguard.source.Dialect;
import dev.refguard.split.LineIndex;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatementReaderTest {
    private final JSqlParserRun jsqlParser = new JSqlParserRun(Duration.ofSeconds(10));

    /** A token reader with a bug: it throws, from a known place, on every statement. */
    private final StatementReader failing = new StatementReader(jsqlParser, Dialect.POSTGRESQL, statement -> {
        throw bug();
    });

    @AfterEach
    void closeParser() {
        jsqlParser.close();
    }

    private static NullPointerException bug() {
        NullPointerException bug = new NullPointerException();
        bug.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
            new StackTraceElement(
                    "dev.refguard.parse.tokens.FallbackTableReader", "column", "FallbackTableReader.java", 123)
        });
        return bug;
    }

    private static ParsedStatement read(StatementReader reader, String sql, StatementKind kind) {
        SqlStatement statement = new SqlStatement(sql, 0, sql.length(), 3, 1, kind);
        List<ParsedStatement> out = new ArrayList<>();
        reader.read(statement, false, 0, LineIndex.of(sql), out, new ArrayList<>());
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void reportsABugOfTheTokenReaderAsRefguardsOwnError() {
        ParsedStatement function = read(
                failing,
                "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
                StatementKind.CREATE_FUNCTION);

        assertThat(function.outcome()).isEqualTo(ParseOutcome.UNREADABLE);
        assertThat(function.problem())
                .isEqualTo("internal error in refguard's token reader: NullPointerException at"
                        + " FallbackTableReader.java:123; please report it");
        assertThat(InternalFailure.isInternal(function.problem())).isTrue();
    }

    @Test
    void reportsABugOfTheTokenReaderBehindAJSqlParserFailureAndStillMarksTheTable() {
        // JSqlParser cannot read a schema-qualified INHERITS parent, so the statement goes to the token reader
        ParsedStatement table =
                read(failing, "CREATE TABLE public.c (x int) INHERITS (public.p)", StatementKind.CREATE_TABLE);

        assertThat(table.outcome()).isEqualTo(ParseOutcome.UNREADABLE);
        assertThat(table.problem())
                .isEqualTo("internal error in refguard's token reader: NullPointerException at"
                        + " FallbackTableReader.java:123; please report it");
        assertThat(table.touchedTables())
                .containsExactly(new QualifiedName(Identifier.of("public"), Identifier.of("c")));
    }

    @Test
    void readsWithTheRealTokenReaderWithoutInternalErrors() {
        StatementReader reader = new StatementReader(jsqlParser);

        ParsedStatement table =
                read(reader, "CREATE TABLE public.c (x int) INHERITS (public.p)", StatementKind.CREATE_TABLE);

        assertThat(table.outcome()).isEqualTo(ParseOutcome.FALLBACK);
        assertThat(InternalFailure.isInternal(table.problem())).isFalse();
    }

    @Test
    void describesAnInternalFailureByItsInnermostPlaceInRefguard() {
        assertThat(InternalFailure.describe("token reader", bug()))
                .isEqualTo("internal error in refguard's token reader: NullPointerException at"
                        + " FallbackTableReader.java:123; please report it");
        IllegalStateException withoutTrace = new IllegalStateException("x");
        withoutTrace.setStackTrace(new StackTraceElement[0]);
        assertThat(InternalFailure.describe(null, withoutTrace))
                .isEqualTo("internal error in refguard: IllegalStateException; please report it");
    }

    /** A token reader that answers with a table of its own, so a result shows which reader gave it. */
    private StatementReader tokenReaderAnswering(SchemaChange.AlterAction action) {
        return new StatementReader(jsqlParser, Dialect.POSTGRESQL, statement -> {
            List<SchemaChange.AlterAction> actions = action == null ? List.of() : List.of(action);
            return java.util.Optional.of(List.of(new SchemaChange.AlterTable(
                    QualifiedName.of(Identifier.of("from_the_token_reader")),
                    false,
                    actions,
                    new SourcePosition(3, 13))));
        });
    }

    @Test
    void takesTheTokenReadersLookupOfAnAlterTableWithOnlyHarmlessActionsWithoutJSqlParser() {
        ParsedStatement rls = read(
                tokenReaderAnswering(null),
                "ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY",
                StatementKind.ALTER_TABLE);

        assertThat(rls.outcome()).isEqualTo(ParseOutcome.PARSED);
        assertThat(rls.changes())
                .containsExactly(new SchemaChange.AlterTable(
                        QualifiedName.of(Identifier.of("from_the_token_reader")),
                        false,
                        List.of(),
                        new SourcePosition(3, 13)));
    }

    @Test
    void leavesAnAlterTableThatChangesTheModelToJSqlParser() {
        ParsedStatement add = read(
                tokenReaderAnswering(
                        new SchemaChange.DropColumn(Identifier.of("x"), false, false, new SourcePosition(3, 30))),
                "ALTER TABLE public.profiles DROP COLUMN bio",
                StatementKind.ALTER_TABLE);

        assertThat(add.outcome()).isEqualTo(ParseOutcome.PARSED);
        assertThat(add.changes()).hasSize(1);
        SchemaChange.AlterTable alter = (SchemaChange.AlterTable) add.changes().get(0);
        assertThat(alter.table()).isEqualTo(new QualifiedName(Identifier.of("public"), Identifier.of("profiles")));
        assertThat(alter.actions())
                .containsExactly(new SchemaChange.DropColumn(
                        Identifier.of("bio"),
                        false,
                        false,
                        alter.actions().get(0).position()));
    }
}
