package dev.refguard.parse;

/** How a statement was read. */
public enum ParseOutcome {
    /** JSqlParser read it. */
    PARSED,
    /** JSqlParser failed; the token-level fallback recovered its facts. */
    FALLBACK,
    /** It can change tables or keys but neither reader could read it. */
    UNREADABLE
}
