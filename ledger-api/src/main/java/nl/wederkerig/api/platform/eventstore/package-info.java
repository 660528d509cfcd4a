/**
 * The tamper-evident event store: a SHA-256 chain over each aggregate's stream written with every
 * append ({@link nl.wederkerig.api.platform.eventstore.ChainedAppend}), checkpoints that chain the
 * whole book into one head hash people can note down, and the verifier that names what no longer
 * holds ({@code --wederkerig.verify}, the integrity page and endpoint).
 */
package nl.wederkerig.api.platform.eventstore;
