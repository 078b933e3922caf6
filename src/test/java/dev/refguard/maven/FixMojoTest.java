package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix goal's own behaviour: writes, prints on a dry run, refuses a file in the way and an unknown rule id. */
class FixMojoTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
    private static final String TARGET = "supabase/migrations/20260301101530_refguard_fix.sql";

    @TempDir
    Path dir;

    @BeforeEach
    void history() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("20250101000000_init.sql"), """
                create table public.profiles (id uuid primary key references auth.users(id));
                create table public.posts (id bigint primary key, author_id uuid references public.profiles(id));
                """);
    }

    private final List<String> log = new java.util.ArrayList<>();

    @Test
    void writesTheNewMigrationAndChecksItDidItsWork() throws Exception {
        mojo(Map.of()).execute();
        assertThat(log)
                .contains("info: refguard: wrote " + TARGET + " with the fix of 1 finding (missing-user-sync-trigger:"
                        + " 1); review it, then apply it as your other migrations")
                .contains("info: refguard: analysed again with the new migration: the findings it fixes are gone");
        assertThat(Files.readString(dir.resolve(TARGET)))
                .contains("-- missing-user-sync-trigger at supabase/migrations/20250101000000_init.sql:1:")
                .contains("after insert on auth.users");
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        mojo(Map.of("dryRun", true)).execute();
        assertThat(migrations()).containsExactly("20250101000000_init.sql");
        assertThat(log)
                .contains("info: refguard: dry run (refguard.fix.dryRun), nothing written; would write " + TARGET
                        + " with the fix of 1 finding (missing-user-sync-trigger: 1):")
                .contains("info: create trigger on_auth_user_created_profiles after insert on auth.users for each row"
                        + " execute function public.handle_new_user_profiles();")
                .noneMatch(line -> line.contains("analysed again"));
    }

    @Test
    void refusesWhenTheFileExists() throws Exception {
        // a Liquibase fix written before whose include the user has not added yet: not part of the history
        Path changelog = Files.createDirectories(dir.resolve("src/main/resources/db/changelog/changes"));
        Files.writeString(changelog.resolve("001-init.sql"), """
                --liquibase formatted sql
                --changeset dev:1
                create table public.profiles (id uuid primary key references auth.users(id));
                create table public.posts (id bigint primary key, author_id uuid references public.profiles(id));
                """);
        Files.writeString(changelog.getParent().resolve("db.changelog-master.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
                  <include file="changes/001-init.sql" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        Path earlier = changelog.resolve("002-refguard_fix.sql");
        Files.writeString(earlier, "-- mine\n");
        for (boolean dryRun : new boolean[] {false, true}) {
            assertThatThrownBy(() -> mojo(Map.of(
                                    "dryRun",
                                    dryRun,
                                    "directories",
                                    List.of("src/main/resources/db/changelog/db.changelog-master.xml")))
                            .execute())
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("refguard: src/main/resources/db/changelog/changes/002-refguard_fix.sql exists"
                            + " already and refguard never overwrites a file: include it in the history or move it"
                            + " away, then run refguard:fix again");
        }
        assertThat(Files.readString(earlier)).isEqualTo("-- mine\n");
    }

    @Test
    void anUnknownRuleIdIsAConfigurationError() {
        assertThatThrownBy(() -> mojo(Map.of("rules", List.of("mixed-user-reference,no-such-rule")))
                        .execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("refguard: unknown rule id 'no-such-rule' in refguard.fix.rules; valid: ")
                .hasMessageContaining("mixed-user-reference");
        assertThat(migrations()).containsExactly("20250101000000_init.sql");
    }

    @Test
    void rulesNarrowWhatIsFixed() throws Exception {
        mojo(Map.of("rules", List.of("mixed-user-reference"))).execute();
        assertThat(migrations()).containsExactly("20250101000000_init.sql");
    }

    private List<String> migrations() {
        try (Stream<Path> files = Files.list(dir.resolve("supabase/migrations"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private FixMojo mojo(Map<String, Object> parameters) throws ReflectiveOperationException {
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        FixMojo mojo = new FixMojo(CLOCK);
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("info: " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("warn: " + content);
            }
        });
        set(mojo, "project", project);
        set(mojo, "statementTimeout", "5000");
        set(mojo, "outputDirectory", new File(dir.toFile(), "target/refguard"));
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            set(mojo, e.getKey(), e.getValue());
        }
        return mojo;
    }

    private static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
