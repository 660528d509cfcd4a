/**
 * Bank statements read into one model: CAMT.053 (camt.053.001.02), MT940, and the CSV exports of
 * ING, Rabobank, ABN AMRO (TXT/TAB) and Triodos. {@link nl.wederkerig.statements.StatementReader} is
 * the entry point; every refusal is a {@link nl.wederkerig.statements.StatementRefused} with a stable
 * code, and a refused file produces nothing. A plain library: no Spring, no Axon, no database,
 * no network (the XML parser resolves no external entity and accepts no DOCTYPE).
 */
package nl.wederkerig.statements;
