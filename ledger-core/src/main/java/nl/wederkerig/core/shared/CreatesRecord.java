package nl.wederkerig.core.shared;

/**
 * A command whose target id is the id of a record it creates (an advance, an errand, a help
 * record, a claim, a fund, a community): the client chose it. If a record of another kind already
 * holds that id, the id is taken, and the answer is {@link CommandIdReused} like any other taken
 * id ({@link IdsOfOtherKinds}); to any other command such an id names nothing it could act on.
 */
public interface CreatesRecord {
}
