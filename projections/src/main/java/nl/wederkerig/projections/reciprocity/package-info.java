/**
 * Reciprocity with partners: hours and services drawn from the wijk against money and in-kind
 * returned, valued per business date, per initiative and in total. Names no person.
 */
package nl.wederkerig.projections.reciprocity;
