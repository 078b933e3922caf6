package dev.refguard.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.schema.SqlTypes.Fit;
import dev.refguard.schema.SqlTypes.UserKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTypesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "int4|integer",
                "SERIAL|integer",
                "bigserial|bigint",
                "character varying(255)|character varying",
                "VARCHAR(10)|character varying",
                "TIMESTAMP(3)|timestamp without time zone",
                "timestamptz|timestamp with time zone",
                "timestamp(6) with time zone|timestamp with time zone",
                "text[]|text[]",
                "int ARRAY|integer[]",
                // PostgreSQL keeps no array dimensions: format_type writes integer[] for these (DriftTest's oracle)
                "integer[][]|integer[]",
                "int[3]|integer[]",
                "text [2][2]|text[]",
                "int ARRAY[4]|integer[]",
                "pg_catalog.int8|bigint",
                "UUID|uuid",
                "\"Role\"|Role",
                "varbit(8)|bit varying",
                "float(10)|real",
                "float(53)|double precision",
                "interval day to second|interval",
                "numeric(10, 2)|numeric",
                "\"char\"|\"char\"",
                "char(3)|character",
                "integer [ 3 ] [ ]|integer[]",
                "text  [ x ]|text[ x ]",
                "character\t  varying|character varying",
            })
    void normalisesAliasesModifiersAndCase(String written, String expected) {
        assertThat(SqlTypes.normalize(written)).isEqualTo(expected);
    }

    /** The pairs of docs/rules.md, as PostgreSQL 15 answers them (the table is generated from it). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "text|uuid|INCOMPATIBLE",
                "integer|uuid|INCOMPATIBLE",
                "uuid|bigint|INCOMPATIBLE",
                "text|citext|INCOMPATIBLE",
                "numeric|bigint|INCOMPATIBLE",
                "double precision|integer|INCOMPATIBLE",
                "character varying[]|text[]|INCOMPATIBLE",
                "character varying|text|MATCH",
                "citext|text|MATCH",
                "date|timestamp with time zone|MATCH",
                "uuid|uuid|MATCH",
                "integer[]|integer[]|MATCH",
                "integer|bigint|NARROWING",
                "bigint|integer|NARROWING",
                "integer|numeric|NARROWING",
            })
    void fitIsPostgresqlsAnswer(String from, String to, Fit expected) {
        assertThat(SqlTypes.fit(from, to)).isEqualTo(expected);
    }

    @Test
    void anEnumMatchesOnlyItself() {
        String mood = SqlTypes.userType(UserKind.ENUM, "public.mood");
        assertThat(SqlTypes.fit(mood, mood)).isEqualTo(Fit.MATCH);
        assertThat(SqlTypes.fit("text", mood)).isEqualTo(Fit.INCOMPATIBLE);
        assertThat(SqlTypes.fit(mood, "text")).isEqualTo(Fit.INCOMPATIBLE);
        assertThat(SqlTypes.fit(SqlTypes.userType(UserKind.ENUM, "public.other"), mood))
                .isEqualTo(Fit.INCOMPATIBLE);
        assertThat(SqlTypes.display(mood)).isEqualTo("public.mood");
    }

    @Test
    void aDomainOverAnEnumFitsNothingNotEvenItself() {
        String domain = SqlTypes.userType(UserKind.DOMAIN_OVER_ENUM, "public.d");
        assertThat(SqlTypes.fit(domain, domain)).isEqualTo(Fit.INCOMPATIBLE);
        assertThat(SqlTypes.fit(domain, SqlTypes.userType(UserKind.ENUM, "public.mood")))
                .isEqualTo(Fit.INCOMPATIBLE);
        assertThat(SqlTypes.display(domain)).isEqualTo("public.d");
    }

    @Test
    void unknownTypesClaimNothing() {
        assertThat(SqlTypes.fit("Role", "text")).isEqualTo(Fit.UNKNOWN);
        assertThat(SqlTypes.fit("geometry", "geometry")).isEqualTo(Fit.MATCH);
        assertThat(SqlTypes.fit("geometry", SqlTypes.userType(UserKind.ENUM, "public.mood")))
                .isEqualTo(Fit.UNKNOWN);
        assertThat(SqlTypes.fit(null, "text")).isEqualTo(Fit.UNKNOWN);
    }

    /** The one-pass squeeze gives what the regular expressions it replaced gave, on random type texts. */
    @org.junit.jupiter.api.Test
    void squeezesBlanksAsTheRegularExpressionsDid() {
        char[] alphabet = {' ', '\t', '\n', '[', ']', '1', '2', 'a', '('};
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String t = text.toString();
            String expected = t.replaceAll("\\s+", " ").replace(" [", "[").replaceAll("\\[\\s*\\d*\\s*]", "[]");
            assertThat(SqlTypes.squeezeBlanks(t)).as(t).isEqualTo(expected);
        }
    }
}
