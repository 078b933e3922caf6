package dev.refguard.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pairs here are those {@code fixtures/mysql} applies to MariaDB, where MariadbGraphComparisonTest checks them. */
class MysqlTypesTest {
    private static SqlTypes.Fit fit(String from, String to) {
        return SqlTypes.fit(MysqlTypes.key(from), MysqlTypes.key(to));
    }

    @Test
    void integersMatchInSizeAndSign() {
        assertThat(fit("INT", "BIGINT UNSIGNED")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(fit("BIGINT", "BIGINT UNSIGNED")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(fit("SMALLINT", "INT")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(fit("int unsigned", "bigint unsigned")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(fit("INT(11)", "int")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(fit("BIGINT(20) UNSIGNED", "SERIAL")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(fit("integer", "INT")).isEqualTo(SqlTypes.Fit.MATCH);
    }

    @Test
    void stringsMatchInCharsetNotLength() {
        assertThat(fit("VARCHAR(50)", "varchar(190)")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(fit("CHAR(50)", "VARCHAR(100)")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(fit("VARCHAR(50) CHARACTER SET latin1", "VARCHAR(50) CHARACTER SET utf8mb4"))
                .isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        // a side that does not say takes a default refguard does not know
        assertThat(fit("VARCHAR(50)", "VARCHAR(50) CHARACTER SET utf8mb4")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(fit("TEXT", "VARCHAR(190)")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
    }

    @Test
    void decimalsMatchWhateverTheirPrecisionButNeverIntegers() {
        assertThat(fit("DECIMAL(12,2)", "DECIMAL(10,2)")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(fit("decimal(10,3)", "numeric(10,2)")).isEqualTo(SqlTypes.Fit.MATCH);
        assertThat(fit("INT", "DECIMAL(10,2)")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(fit("MEDIUMINT", "INT")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
        assertThat(fit("INT(11) UNSIGNED ZEROFILL", "INT")).isEqualTo(SqlTypes.Fit.INCOMPATIBLE);
    }

    @Test
    void unknownTypesAreNotJudged() {
        assertThat(fit("BINARY(16)", "VARBINARY(16)")).isEqualTo(SqlTypes.Fit.UNKNOWN);
        assertThat(SqlTypes.display(MysqlTypes.key("BIGINT(20) UNSIGNED ZEROFILL")))
                .isEqualTo("bigint unsigned");
    }
}
