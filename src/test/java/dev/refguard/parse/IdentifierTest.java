package dev.refguard.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifierTest {
    @Test
    void unquotedFoldsToLowerCaseQuotedIsKept() {
        assertThat(Identifier.of("Users").folded()).isEqualTo("users");
        assertThat(Identifier.quoted("User").folded()).isEqualTo("User");
    }

    @Test
    void onlyAsciiLettersFoldAsInAUtf8Database() {
        assertThat(Identifier.of("Ärger_ABC").folded()).isEqualTo("Ärger_abc");
    }

    @Test
    void namesLongerThanSixtyThreeBytesAreTruncatedSoTheyCanCollide() {
        String a = "x".repeat(63) + "_first";
        String b = "x".repeat(63) + "_second";
        assertThat(Identifier.of(a).folded())
                .hasSize(63)
                .isEqualTo(Identifier.of(b).folded());
    }

    @Test
    void truncationNeverSplitsAMultiByteCharacter() {
        String name = "a".repeat(62) + "é";
        assertThat(Identifier.quoted(name).folded()).isEqualTo("a".repeat(62));
    }

    @Test
    void sqlQuotesOnlyWhenFoldingWouldChangeTheName() {
        assertThat(Identifier.sql("users")).isEqualTo("users");
        assertThat(Identifier.sql("User")).isEqualTo("\"User\"");
        assertThat(Identifier.sql("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
