package dev.refguard.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintNamesTest {
    @Test
    void defaultForeignKeyNameIsTableColumnFkey() {
        ConstraintNames names = new ConstraintNames();
        assertThat(names.choose("public", "setlists", List.of("created_by"), "fkey"))
                .isEqualTo("setlists_created_by_fkey");
        assertThat(names.choose("public", "line_items", List.of("tenant_id", "order_id"), "fkey"))
                .isEqualTo("line_items_tenant_id_order_id_fkey");
    }

    @Test
    void aTakenNameGetsANumberAsPostgresqlDoes() {
        ConstraintNames names = new ConstraintNames();
        names.use("public", "a_b_fkey");
        assertThat(names.choose("public", "a", List.of("b"), "fkey")).isEqualTo("a_b_fkey1");
        assertThat(names.choose("other", "a", List.of("b"), "fkey")).isEqualTo("a_b_fkey");
    }

    @Test
    void longNamesAreShortenedToSixtyThreeBytesFromTheLongerPart() {
        String table = "t".repeat(40);
        String column = "c".repeat(40);
        String name = ConstraintNames.makeObjectName(table, column, "fkey");
        assertThat(name.length()).isEqualTo(63);
        // PostgreSQL trims the longer of the two parts first, so both keep 29 characters here
        assertThat(name).isEqualTo("t".repeat(29) + "_" + "c".repeat(28) + "_fkey");
    }
}
