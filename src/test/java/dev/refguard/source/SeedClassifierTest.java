package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.RefguardConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedClassifierTest {
    private final SeedClassifier defaults = SeedClassifier.of(RefguardConfig.DEFAULT_SEED_PATTERNS);

    @Test
    void matchesTheDefaultPatternsOnSeedAndDemoPaths() {
        assertThat(defaults.isSeed("prisma/migrations/20260205000656_npm_run_db_seed_demo/migration.sql"))
                .isTrue();
        assertThat(defaults.isSeed("supabase/migrations/20240101_Demo_Users.sql"))
                .isTrue();
        assertThat(defaults.isSeed("db/Fixtures/users.sql")).isTrue();
        assertThat(defaults.isSeed("test-data/users.sql")).isTrue();
    }

    @Test
    void leavesSchemaMigrationsAlone() {
        assertThat(defaults.isSeed("prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql"))
                .isFalse();
        assertThat(defaults.isSeed("supabase/migrations/20240101_init.sql")).isFalse();
        assertThat(defaults.isSeed("testdata.sql")).isFalse();
    }

    @Test
    void takesSampleDataForSeedButNotALabAppsSamplesTable() {
        assertThat(defaults.isSeed("supabase/migrations/20240301000000_create_samples.sql"))
                .isFalse();
        assertThat(defaults.isSeed("prisma/migrations/20240301000000_samples/migration.sql"))
                .isFalse();
        assertThat(defaults.isSeed("supabase/migrations/20240302000000_sample_data.sql"))
                .isTrue();
        assertThat(defaults.isSeed("db/sample-data/users.sql")).isTrue();
    }

    @Test
    void letsDoubleStarSpanZeroOrMoreFolders() {
        assertThat(SeedClassifier.matches("**/testdata/**", "testdata/a.sql")).isTrue();
        assertThat(SeedClassifier.matches("**/testdata/**", "x/y/testdata/z/a.sql"))
                .isTrue();
        assertThat(SeedClassifier.matches("db/**/seed.sql", "db/seed.sql")).isTrue();
        assertThat(SeedClassifier.matches("db/**/seed.sql", "db/a/b/seed.sql")).isTrue();
    }

    @Test
    void keepsSingleStarAndQuestionMarkWithinOneName() {
        assertThat(SeedClassifier.matches("*.sql", "a.sql")).isTrue();
        assertThat(SeedClassifier.matches("*.sql", "db/a.sql")).isFalse();
        assertThat(SeedClassifier.matches("db/?.sql", "db/a.sql")).isTrue();
        assertThat(SeedClassifier.matches("db/?.sql", "db/ab.sql")).isFalse();
    }

    @Test
    void ignoresCaseAndReadsBackslashesAsSlashes() {
        assertThat(SeedClassifier.matches("**/*SEED*.sql", "Seed.sql")).isTrue();
        assertThat(SeedClassifier.matches("**\\Demo\\**", "apps/demo/x.sql")).isTrue();
    }

    @Test
    void takesRegexCharactersLiterally() {
        assertThat(SeedClassifier.matches("db/(a)+.sql", "db/(a)+.sql")).isTrue();
        assertThat(SeedClassifier.matches("db/(a)+.sql", "db/aa.sql")).isFalse();
    }

    @Test
    void ignoresBlankPatterns() {
        assertThat(SeedClassifier.of(List.of("", "  ")).isSeed("a.sql")).isFalse();
    }

    /** The literal shortcut never changes an answer: random paths against the plain expressions of each glob. */
    @Test
    void theLiteralShortcutAgreesWithTheExpressions() {
        List<String> globs = new java.util.ArrayList<>(RefguardConfig.DEFAULT_SEED_PATTERNS);
        globs.addAll(List.of("./db/Seeds/*.sql", "db/**/x?y/**", "**/ſeed*.sql", "data/*.SQL"));
        String[] parts = {
            "seed", "SEED", "ſeed", "Demo", "x", "y", "-", "_", "/", "/", ".sql", "data", "test", "ata", "sample", "K",
            "\u212A", "fixture", "db", "Seeds", "."
        };
        java.util.Random random = new java.util.Random(7);
        int matched = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder path = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                path.append(parts[random.nextInt(parts.length)]);
            }
            String p = path.toString();
            for (String glob : globs) {
                boolean expected = SeedClassifier.compile(glob).matcher(p).matches();
                assertThat(SeedClassifier.of(List.of(glob)).isSeed(p))
                        .as(glob + " on " + p)
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).isGreaterThan(1_000);
        assertThat(SeedClassifier.literals("**/*sample?data*/**")).containsExactly("sample", "data");
        assertThat(SeedClassifier.literals("**/ſeed*.sql")).isEmpty();
    }
}
