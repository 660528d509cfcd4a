/**
 * Whether the book is still as it was written: the verifier of the event store's hash chain and
 * its checkpoints, for the coordinator and the kascommissie, over HTTP and as a page.
 */
package nl.wederkerig.api.integrity;
