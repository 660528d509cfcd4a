/** Rebuilding read models from the events, and checking live read models against a fresh rebuild. */
package nl.wederkerig.api.platform.readmodels;
