package dev.refguard.schema.block;

import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.SourcePosition;
import dev.refguard.schema.CatalogView;
import dev.refguard.schema.SqlState;
import java.util.Optional;

/**
 * What a {@code DO} block's runner needs from the replay: the catalogue to evaluate guards against,
 * a way to run one statement as PostgreSQL would, and subtransactions for {@code EXCEPTION} handlers.
 */
public interface BlockHost {

    /** The catalogue as it stands now. */
    CatalogView catalog();

    /**
     * Runs one statement of the block into the model.
     *
     * @param uncertain whether the statement sits under a guard that could not be evaluated (its findings
     *     are then at most warnings, and say so)
     * @return the error PostgreSQL would raise, or empty when the statement succeeds
     */
    Optional<SqlState> run(ParsedStatement statement, boolean uncertain);

    /** Starts a subtransaction: what {@link #rollbackTo} undoes. */
    Savepoint savepoint();

    /**
     * Undoes every model change since {@code savepoint} (an error caught by a handler): the statements
     * rolled back are marked as caught, not reported as rejected.
     */
    void rollbackTo(Savepoint savepoint);

    /** Ends a subtransaction that succeeded. */
    void release(Savepoint savepoint);

    /** An {@code EXECUTE} of a computed string: the history may hold objects the model cannot see. */
    void dynamicSql(SourcePosition at, boolean mayCreateTables);

    /** An opaque subtransaction marker. */
    interface Savepoint {}
}
