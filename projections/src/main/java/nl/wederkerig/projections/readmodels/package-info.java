/**
 * What every read model shares: the catalog of read models with their tables, and the comparison
 * that checks a live read model against a fresh rebuild from the events.
 */
package nl.wederkerig.projections.readmodels;
