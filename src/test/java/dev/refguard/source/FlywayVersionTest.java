package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlywayVersionTest {
    @Test
    void comparesPartByPartNumerically() {
        assertThat(version("1.10")).isGreaterThan(version("1.9"));
        assertThat(version("2")).isGreaterThan(version("1.9"));
        assertThat(version("1.1")).isGreaterThan(version("1"));
        assertThat(version("1_2")).isEqualByComparingTo(version("1.2"));
        assertThat(version("1.0")).isEqualByComparingTo(version("1"));
        assertThat(version("20260131120000000000000")).isGreaterThan(version("20260131120000"));
    }

    @Test
    void rejectsVersionsThatAreNotNumeric() {
        assertThat(FlywayVersion.parse("1.a")).isEmpty();
        assertThat(FlywayVersion.parse("1..2")).isEmpty();
        assertThat(FlywayVersion.parse("")).isEmpty();
    }

    @Test
    void readsFlywayFileNames() {
        assertThat(FlywayFileName.parse("V1_2__add_users.sql")).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(FlywayFileName.Kind.VERSIONED);
            assertThat(n.version()).hasToString("1.2");
            assertThat(n.description()).isEqualTo("add users");
        });
        assertThat(FlywayFileName.parse("R__views.sql"))
                .hasValueSatisfying(n -> assertThat(n.kind()).isEqualTo(FlywayFileName.Kind.REPEATABLE));
        assertThat(FlywayFileName.parse("U3__undo.sql"))
                .hasValueSatisfying(n -> assertThat(n.kind()).isEqualTo(FlywayFileName.Kind.UNDO));
    }

    @Test
    void rejectsFileNamesFlywayIgnores() {
        List<String> ignored = new ArrayList<>(List.of(
                "notes.sql", "V1_add.sql", "v1__lower.sql", "Vx__bad.sql", "R1__versioned_repeatable.sql", "V__.sql"));
        ignored.forEach(name -> assertThat(FlywayFileName.parse(name)).as(name).isEmpty());
    }

    private static FlywayVersion version(String text) {
        return FlywayVersion.parse(text).orElseThrow();
    }
}
