package dev.refguard.parse.block;

import java.util.List;

/**
 * A {@code SELECT ... FROM <catalogue relations> WHERE <equalities joined by AND>}, the shape of the
 * subqueries guards ask PostgreSQL's catalogue (docs/replay.md, "Control flow"). A query of any other shape is
 * not read as one: its guard is {@link CatalogGuard.Opaque}.
 *
 * @param sources the relations of the FROM list and its inner joins, in order
 * @param conditions the WHERE and ON conditions, all of which must hold
 */
public record CatalogQuery(List<Source> sources, List<Condition> conditions) {
    public CatalogQuery {
        sources = List.copyOf(sources);
        conditions = List.copyOf(conditions);
    }

    /**
     * One relation of the FROM list.
     *
     * @param relation the catalogue relation, lower case, {@code pg_catalog.} dropped:
     *     {@code information_schema.tables}, {@code pg_constraint}, ...
     * @param alias its alias, or the relation's own last name part when none is written
     */
    public record Source(String relation, String alias) {}

    /**
     * {@code left op right}.
     *
     * @param equal {@code true} for {@code =}, {@code false} for {@code <>}/{@code !=}
     */
    public record Condition(Operand left, boolean equal, Operand right) {}

    /** One side of a condition. */
    public sealed interface Operand {}

    /**
     * A column of a source: {@code alias.column} or a bare {@code column}.
     *
     * @param qualifier the alias written before it, or {@code null}
     */
    public record Column(String qualifier, String name) implements Operand {}

    /**
     * A string or number constant, with the cast written after it.
     *
     * @param cast the type of a {@code ::type} cast, lower case ({@code regclass}, {@code regnamespace},
     *     {@code name}, {@code text}), or {@code null}
     */
    public record Literal(String value, String cast) implements Operand {}

    /** {@code current_schema()}, {@code current_database()} (also written without parentheses). */
    public record Function(String name) implements Operand {}
}
