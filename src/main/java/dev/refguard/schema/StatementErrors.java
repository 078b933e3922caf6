package dev.refguard.schema;

import java.util.List;
import java.util.Optional;

/**
 * The error PostgreSQL raises for a statement, read from the events its replay recorded, so an
 * {@code EXCEPTION WHEN ...} handler catches what PostgreSQL's would (docs/replay.md, "Control flow"). Only rejections
 * the replay knows for sure count: an event that rests on incomplete knowledge is no error.
 */
final class StatementErrors {
    private StatementErrors() {}

    static Optional<SqlState> of(List<ReplayEvent> events) {
        for (ReplayEvent event : events) {
            if (event instanceof ReplayEvent.TableNotFound missing && !missing.incompleteKnowledge()) {
                return Optional.of(SqlState.UNDEFINED_TABLE);
            }
            if (event instanceof ReplayEvent.TableCreated created
                    && created.existing() != null
                    && !created.spec().ifNotExists()
                    && !created.existing().origin.preexisting()) {
                return Optional.of(SqlState.DUPLICATE_TABLE);
            }
            if (event instanceof ReplayEvent.StatementRejected rejected && !rejected.uncertain()) {
                return Optional.of(rejected.state());
            }
            if (event instanceof ReplayEvent.ReferenceUnresolved missing && !missing.incompleteKnowledge()) {
                return Optional.of(SqlState.UNDEFINED_TABLE);
            }
            if (event instanceof ReplayEvent.ReferenceResolved fk && fk.added() == null && !fk.incompleteKnowledge()) {
                if (!fk.missingColumns().isEmpty()) {
                    return Optional.of(SqlState.UNDEFINED_COLUMN);
                }
                if (Boolean.FALSE.equals(fk.referencedKeyUnique())) {
                    return Optional.of(SqlState.INVALID_FOREIGN_KEY);
                }
                String name = fk.spec().constraintName() == null
                        ? null
                        : fk.spec().constraintName().folded();
                if (name != null
                        && (name.equals(fk.source().primaryKeyName)
                                || fk.source().uniqueKeys.containsKey(name)
                                || fk.source().foreignKeys.stream().anyMatch(k -> k.name.equals(name)))) {
                    return Optional.of(SqlState.DUPLICATE_OBJECT);
                }
                return Optional.of(SqlState.DATATYPE_MISMATCH);
            }
        }
        return Optional.empty();
    }
}
