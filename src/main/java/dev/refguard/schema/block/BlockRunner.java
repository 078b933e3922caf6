package dev.refguard.schema.block;

import dev.refguard.parse.block.BlockStep;
import dev.refguard.parse.block.BlockStep.Block;
import dev.refguard.parse.block.BlockStep.Branch;
import dev.refguard.parse.block.BlockStep.Dynamic;
import dev.refguard.parse.block.BlockStep.Handler;
import dev.refguard.parse.block.BlockStep.If;
import dev.refguard.parse.block.BlockStep.Loop;
import dev.refguard.parse.block.BlockStep.Raise;
import dev.refguard.parse.block.BlockStep.Run;
import dev.refguard.schema.SqlState;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@code DO} block's steps into the model as PostgreSQL would: each {@code IF}'s guard is evaluated
 * against the catalogue as it stands when the {@code IF} is reached, and only the branch PostgreSQL takes
 * runs; a guard that cannot be evaluated runs its branch as <em>uncertain</em>; a block with {@code EXCEPTION}
 * handlers is a subtransaction whose changes an error undoes before the handler that catches it runs
 * (docs/replay.md, "Control flow").
 */
public final class BlockRunner {
    private final BlockHost host;

    private BlockRunner(BlockHost host) {
        this.host = host;
    }

    /**
     * Runs {@code body}, the outermost block of a DO statement.
     *
     * @return the error the DO statement ends with, or empty when it succeeds
     */
    public static Optional<SqlState> run(List<BlockStep> body, BlockHost host) {
        return new BlockRunner(host).steps(body, false);
    }

    private Optional<SqlState> steps(List<BlockStep> steps, boolean uncertain) {
        for (BlockStep step : steps) {
            Optional<SqlState> error = step(step, uncertain);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private Optional<SqlState> step(BlockStep step, boolean uncertain) {
        if (step instanceof Run run) {
            Optional<SqlState> error = host.run(run.statement(), uncertain);
            // an error of a statement that may not run does not end the block
            return uncertain ? Optional.empty() : error;
        }
        if (step instanceof If ifStep) {
            return ifStatement(ifStep, uncertain);
        }
        if (step instanceof Block block) {
            return block(block, uncertain);
        }
        if (step instanceof Loop loop) {
            // a loop runs its body an unknown number of times: once, as uncertain
            return steps(loop.body(), true);
        }
        if (step instanceof Raise raise) {
            if (uncertain) {
                return Optional.empty();
            }
            return Optional.of(
                    raise.sqlstate() == null
                            ? SqlState.RAISE_EXCEPTION
                            : SqlState.ofCode(raise.sqlstate()).orElse(SqlState.OTHER));
        }
        if (step instanceof Dynamic dynamic) {
            host.dynamicSql(dynamic.position(), dynamic.mayCreateTables());
        }
        return Optional.empty();
    }

    /**
     * The first branch whose guard is true runs; a guard that cannot be evaluated runs its branch as uncertain
     * and ends the choice there (one branch of an IF runs, never two).
     */
    private Optional<SqlState> ifStatement(If ifStep, boolean uncertain) {
        GuardEvaluator evaluator = new GuardEvaluator(host.catalog());
        for (Branch branch : ifStep.branches()) {
            Truth truth = evaluator.evaluate(branch.condition());
            if (truth == Truth.FALSE) {
                continue;
            }
            return steps(branch.body(), uncertain || truth == Truth.UNKNOWN);
        }
        return steps(ifStep.otherwise(), uncertain);
    }

    private Optional<SqlState> block(Block block, boolean uncertain) {
        if (block.handlers().isEmpty()) {
            return steps(block.body(), uncertain);
        }
        BlockHost.Savepoint savepoint = host.savepoint();
        Optional<SqlState> error = steps(block.body(), uncertain);
        if (error.isEmpty()) {
            host.release(savepoint);
            return Optional.empty();
        }
        for (Handler handler : block.handlers()) {
            if (handler.conditions().stream().anyMatch(c -> error.get().caughtBy(c))) {
                host.rollbackTo(savepoint);
                return steps(handler.body(), uncertain);
            }
        }
        host.release(savepoint);
        return error;
    }
}
