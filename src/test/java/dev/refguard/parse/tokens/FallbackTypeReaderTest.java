package dev.refguard.parse.tokens;

import static dev.refguard.parse.tokens.FallbackReaderTest.only;
import static dev.refguard.parse.tokens.FallbackReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.SchemaChange.CreateType;
import dev.refguard.parse.SchemaChange.DropType;
import dev.refguard.parse.SchemaChange.RenameType;
import dev.refguard.parse.SchemaChange.TypeKind;
import org.junit.jupiter.api.Test;

class FallbackTypeReaderTest {
    @Test
    void readsEnumRangeCompositeAndBaseTypes() {
        CreateType e = only("CREATE TYPE app.\"Mood\" AS ENUM ('a', 'b')", CreateType.class);
        assertThat(e.name().schema().folded()).isEqualTo("app");
        assertThat(e.name().name().folded()).isEqualTo("Mood");
        assertThat(e.kind()).isEqualTo(TypeKind.ENUM);
        assertThat(only("create type r as range (subtype = int4)", CreateType.class)
                        .kind())
                .isEqualTo(TypeKind.RANGE);
        assertThat(only("create type c as (a int, b text)", CreateType.class).kind())
                .isEqualTo(TypeKind.COMPOSITE);
        assertThat(only("create type b (input = b_in, output = b_out)", CreateType.class)
                        .kind())
                .isEqualTo(TypeKind.OTHER);
        assertThat(only("create type shell", CreateType.class).kind()).isEqualTo(TypeKind.OTHER);
    }

    @Test
    void readsADomainsBaseTypeUpToItsClauses() {
        CreateType d = only(
                "CREATE DOMAIN email AS varchar(255) COLLATE \"C\" NOT NULL CHECK (VALUE ~ '@')", CreateType.class);
        assertThat(d.kind()).isEqualTo(TypeKind.DOMAIN);
        assertThat(d.baseType()).isEqualTo("varchar(255)");
        assertThat(only("create domain ts timestamp with time zone default now()", CreateType.class)
                        .baseType())
                .isEqualTo("timestamp with time zone");
        assertThat(only("create domain ids int[]", CreateType.class).baseType()).isEqualTo("int[]");
    }

    @Test
    void readsRenameAndDropAndIgnoresOtherAlterForms() {
        RenameType r = only("ALTER TYPE public.mood RENAME TO feeling", RenameType.class);
        assertThat(r.name().name().folded()).isEqualTo("mood");
        assertThat(r.newName().folded()).isEqualTo("feeling");
        assertThat(only("alter domain d rename to e", RenameType.class)
                        .newName()
                        .folded())
                .isEqualTo("e");
        assertThat(read("ALTER TYPE mood ADD VALUE 'c'")).isEmpty();
        DropType d = only("DROP TYPE IF EXISTS a, s.b CASCADE", DropType.class);
        assertThat(d.ifExists()).isTrue();
        assertThat(d.cascade()).isTrue();
        assertThat(d.names()).hasSize(2);
        assertThat(only("drop domain d", DropType.class).names()).hasSize(1);
    }
}
