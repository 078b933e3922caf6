package dev.refguard.parse.block;

/**
 * The condition of an {@code IF}/{@code ELSIF}, as read from the PL/pgSQL text: the catalogue
 * predicates docs/replay.md lists ("Control flow"), combined with {@code NOT}/{@code AND}/{@code OR}, or an opaque condition
 * that cannot be evaluated. Evaluated against the model by {@code dev.refguard.schema.block}.
 */
public interface Guard {

    /** Where the condition starts in the file. */
    dev.refguard.parse.SourcePosition position();
}
