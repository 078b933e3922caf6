package dev.refguard.split;

/**
 * What a statement is, judged from its leading keywords alone. Only the kinds that can change tables,
 * columns, keys or the name resolution are sent to the parser; the others are skipped unparsed.
 */
public enum StatementKind {
    CREATE_TABLE(true),
    /** {@code SELECT ... INTO [TEMP] [TABLE] t ...}: creates a table from a query, as {@code CREATE TABLE t AS} does. */
    SELECT_INTO(true),
    ALTER_TABLE(true),
    DROP_TABLE(true),
    CREATE_INDEX(true),
    /** {@code DROP INDEX}: an index can be a foreign key's target, and its name is a relation's name. */
    DROP_INDEX(true),
    /**
     * {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, savepoints: inside a transaction block a failed statement
     * aborts the rest of the block, and {@code ROLLBACK} undoes it (docs/replay.md, "Transactions").
     */
    TRANSACTION(true),
    /** {@code CREATE [MATERIALIZED] VIEW}, {@code CREATE SEQUENCE}: relations an index may be built on. */
    CREATE_RELATION(true),
    CREATE_SCHEMA(true),
    DROP_SCHEMA(true),
    /** {@code SET search_path}, and {@code SELECT pg_catalog.set_config('search_path', ...)} as pg_dump writes it. */
    SET_SEARCH_PATH(true),
    /**
     * MySQL's {@code SET FOREIGN_KEY_CHECKS = 0|1} (also as mysqldump writes it): while off, a foreign key may name a
     * table created later.
     */
    SET_FOREIGN_KEY_CHECKS(true),
    /** {@code DO $$ ... $$}: the body is analysed as if it runs. */
    DO_BLOCK(true),
    CREATE_FUNCTION(true),
    CREATE_TRIGGER(true),
    /**
     * {@code CREATE TYPE}, {@code CREATE DOMAIN}, {@code ALTER TYPE}, {@code DROP TYPE|DOMAIN}: the types an FK's
     * column types resolve to (an enum is its own type, a domain its base type).
     */
    TYPE_DEFINITION(true),
    TRUNCATE(true),
    DELETE(true),
    /** A statement that cannot change the model: INSERT, GRANT, CREATE POLICY, COMMENT, COPY data, ... */
    IGNORED(false),
    /** A psql meta-command such as {@code \connect} or {@code \i}. */
    PSQL_META(false),
    /** A statement whose leading keywords are not known; it is not sent to the parser. */
    OTHER(false);

    private final boolean modelRelevant;

    StatementKind(boolean modelRelevant) {
        this.modelRelevant = modelRelevant;
    }

    /** Whether a statement of this kind can change the schema model and so must be parsed. */
    public boolean modelRelevant() {
        return modelRelevant;
    }
}
