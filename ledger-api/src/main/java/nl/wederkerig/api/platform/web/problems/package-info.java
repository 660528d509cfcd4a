/** Errors as RFC 9457 problem details: a stable type per rule, Dutch and English titles, no internals. */
package nl.wederkerig.api.platform.web.problems;
