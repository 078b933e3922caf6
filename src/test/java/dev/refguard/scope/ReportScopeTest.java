package dev.refguard.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import dev.refguard.source.Layout;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportScopeTest {
    private static MigrationHistory history(String root, String... files) {
        return new MigrationHistory(
                root,
                Layout.values()[0],
                java.util.Arrays.stream(files)
                        .map(f -> new MigrationFile(Path.of("/x", f), f, false))
                        .toList());
    }

    private static final MigrationHistory SUPABASE = history(
            "supabase/migrations",
            "supabase/migrations/20250101000000_init.sql",
            "supabase/migrations/20250201000000_more.sql",
            "supabase/migrations/20250301000000_new.sql");

    private static final MigrationHistory PRISMA = history(
            "prisma/migrations",
            "prisma/migrations/20250101_init/migration.sql",
            "prisma/migrations/20250202_users/migration.sql");

    private static final MigrationHistory FLYWAY =
            history("db", "db/V1__init.sql", "db/V3__b.sql", "db/V30__c.sql", "db/V31__d.sql");

    @Test
    void startAfterNamesAMigrationByFileNameVersionFolderOrPath() {
        assertThat(ReportScope.upTo(List.of(SUPABASE), "20250201000000_more.sql"))
                .containsExactlyInAnyOrder(
                        "supabase/migrations/20250101000000_init.sql", "supabase/migrations/20250201000000_more.sql");
        assertThat(ReportScope.upTo(List.of(SUPABASE), "20250201000000")).hasSize(2);
        assertThat(ReportScope.upTo(List.of(SUPABASE), "20250201000000_more")).hasSize(2);
        assertThat(ReportScope.upTo(List.of(PRISMA), "20250101_init"))
                .containsExactly("prisma/migrations/20250101_init/migration.sql");
        assertThat(ReportScope.upTo(List.of(FLYWAY), "3")).containsExactlyInAnyOrder("db/V1__init.sql", "db/V3__b.sql");
        assertThat(ReportScope.upTo(List.of(FLYWAY), "V30")).hasSize(3);
        assertThat(ReportScope.upTo(List.of(FLYWAY), "db/V1__init.sql")).containsExactly("db/V1__init.sql");
    }

    @Test
    void startAfterThatNamesNoMigrationIsOneClearLine() {
        assertThatThrownBy(() -> ReportScope.upTo(List.of(SUPABASE, PRISMA), "2024"))
                .isInstanceOf(ScopeException.class)
                .hasMessageStartingWith("startAfter=2024 names no migration file");
    }

    @Test
    void dropsFindingsInHiddenFilesAndMarksThoseOutsideTheChangeAsPreexisting() {
        Finding old = finding("db/V1__init.sql");
        Finding untouched = finding("db/V3__b.sql");
        Finding changed = finding("db/V30__c.sql");

        List<Finding> out =
                ReportScope.apply(List.of(old, untouched, changed), Set.of("db/V1__init.sql"), Set.of("db/V30__c.sql"));

        assertThat(out)
                .extracting(f -> f.location().file(), Finding::preexisting)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("db/V3__b.sql", true),
                        org.assertj.core.groups.Tuple.tuple("db/V30__c.sql", false));
        assertThat(ReportScope.apply(List.of(untouched), Set.of(), null))
                .extracting(Finding::preexisting)
                .containsExactly(false);
    }

    private static Finding finding(String file) {
        return new Finding("table-redefined", Severity.ERROR, new Location(file, 1, 1), "m", "h", "", false);
    }
}
