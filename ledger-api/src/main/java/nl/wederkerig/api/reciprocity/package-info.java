/**
 * HTTP resources for reciprocity with partners: entries of what the wijk gave (hours, services) and
 * what the partner returned (money, in kind), their reversal, the statement per period and the
 * balance as of a date.
 */
package nl.wederkerig.api.reciprocity;
