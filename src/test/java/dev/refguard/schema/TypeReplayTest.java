package dev.refguard.schema;

import static dev.refguard.parse.SchemaChange.TransactionCommand.BEGIN;
import static dev.refguard.parse.SchemaChange.TransactionCommand.ROLLBACK;
import static dev.refguard.schema.ReplayScript.edges;
import static dev.refguard.schema.ReplayScript.file;
import static dev.refguard.schema.ReplayScript.rejections;
import static dev.refguard.schema.ReplayScript.setPath;
import static dev.refguard.schema.ReplayScript.tx;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The types of a history and how columns bind them (docs/rules.md, "How FK type compatibility is decided"). */
class TypeReplayTest {
    private static ReplayScript script;

    @BeforeAll
    static void start() {
        script = new ReplayScript();
    }

    @AfterAll
    static void stop() {
        script.close();
    }

    private static String typeKey(ReplayResult r, String table, String column) {
        return r.tables().stream().filter(t -> t.id().name().equals(table)).findFirst().orElseThrow().columns().stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .orElseThrow()
                .typeKey();
    }

    @Test
    void anFkBetweenTwoEnumsIsRejectedAndToTheSameEnumAccepted() {
        ReplayResult r = script.replay(file(
                "create type mood as enum ('a')",
                "create type other as enum ('a')",
                "create table moods (m mood primary key)",
                "create table same (m mood references moods)",
                "create table wrong (m other references moods)",
                "create table texts (m text references moods)"));
        assertThat(edges(r)).containsExactly("public.same(m) -> public.moods(m) same_m_fkey");
        assertThat(typeKey(r, "same", "m")).isEqualTo("enum public.mood");
    }

    @Test
    void aColumnKeepsItsTypeWhenTheTypeIsRenamedOrTheSearchPathChanges() {
        ReplayResult r = script.replay(file(
                "create schema app",
                "create type app.mood as enum ('a')",
                "create type public.mood as enum ('b')",
                setPath(false, "app", "public"),
                "create table moods (m mood primary key)",
                "alter type app.mood rename to feeling",
                setPath(false, "public"),
                "create table same (m app.feeling references app.moods)",
                "create table other (m mood references app.moods)"));
        assertThat(edges(r)).containsExactly("public.same(m) -> app.moods(m) same_m_fkey");
    }

    @Test
    void aDomainIsItsBaseTypeExceptOverAnEnum() {
        ReplayResult r = script.replay(file(
                "create type mood as enum ('a')",
                "create domain live_mood as mood",
                "create domain member_id as uuid",
                "create domain code as varchar(10) not null",
                "create table members (id uuid primary key, code text unique, m mood unique)",
                "create table a (id member_id references members (id), c code references members (code))",
                "create table b (m live_mood references members (m))"));
        assertThat(edges(r))
                .containsExactlyInAnyOrder(
                        "public.a(c) -> public.members(code) a_c_fkey", "public.a(id) -> public.members(id) a_id_fkey");
        assertThat(typeKey(r, "a", "id")).isEqualTo("uuid");
    }

    @Test
    void aRolledBackTypeIsGoneAndACreatedTwiceIsRejected() {
        ReplayResult r = script.replay(file(
                tx(BEGIN),
                "create type code as enum ('a')",
                tx(ROLLBACK),
                "create domain code as text",
                "create type code as enum ('b')",
                "create table codes (code text primary key)",
                "create table uses (code code references codes)"));
        assertThat(edges(r)).containsExactly("public.uses(code) -> public.codes(code) uses_code_fkey");
        assertThat(rejections(r)).singleElement().asString().contains("type \"code\" already exists");
    }

    @Test
    void anExtensionTypeIsUnknownExceptCitextInAnySchema() {
        ReplayResult r = script.replay(file(
                "create schema extensions",
                "create table places (id text primary key, email extensions.citext unique)",
                "create table a (p geometry, e extensions.citext references places (email))"));
        assertThat(typeKey(r, "a", "p")).isEqualTo("geometry");
        assertThat(typeKey(r, "a", "e")).isEqualTo("citext");
        assertThat(edges(r)).containsExactly("public.a(e) -> public.places(email) a_e_fkey");
    }
}
