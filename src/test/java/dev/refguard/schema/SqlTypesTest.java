package dev.refguard.schema;

import static org.assertj.core.api.Assertions.assertThat;

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
                "text[]|text[]",
                "int ARRAY|integer[]",
                "pg_catalog.int8|bigint",
                "UUID|uuid",
                "\"Role\"|Role",
            })
    void normalisesAliasesModifiersAndCase(String written, String expected) {
        assertThat(SqlTypes.normalize(written)).isEqualTo(expected);
    }

    @Test
    void textCannotReferenceUuidButVarcharCanReferenceText() {
        assertThat(SqlTypes.fit("text", "uuid")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(SqlTypes.fit("integer", "uuid")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(SqlTypes.fit("uuid", "bigint")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(SqlTypes.fit("character varying", "text")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(SqlTypes.fit("uuid", "uuid")).isEqualTo(SqlTypes.Fit.MATCH);
    }

    @Test
    void integersOfAnotherWidthAreNarrowingBothWays() {
        assertThat(SqlTypes.fit("integer", "bigint")).isEqualTo(SqlTypes.Fit.NARROWING);
        assertThat(SqlTypes.fit("bigint", "integer")).isEqualTo(SqlTypes.Fit.NARROWING);
    }

    @Test
    void unknownTypesClaimNothing() {
        assertThat(SqlTypes.fit("Role", "text")).isEqualTo(SqlTypes.Fit.UNKNOWN);
        assertThat(SqlTypes.fit(null, "text")).isEqualTo(SqlTypes.Fit.UNKNOWN);
    }
}
