/**
 * HTTP resources for reciprocity with partners: the statement per period and the balance as of a date.
 */
package nl.wederkerig.api.reciprocity;
