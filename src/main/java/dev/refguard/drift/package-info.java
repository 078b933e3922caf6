/**
 * The {@code drift} goal's engine: reads a live PostgreSQL database's catalogue ({@link CatalogReader}, the one
 * place refguard connects to a database, and only when the user asks for it) and compares it with the model the
 * migrations replay into ({@link DriftComparison}). Knows nothing of Maven.
 */
package dev.refguard.drift;
