/**
 * Reciprocity (wederkerigheid) with partners: hours and services the wijk gave a partner, money and support in
 * kind the partner returned, and statements valued with the hour valuation in force on each business date.
 */
package nl.wederkerig.core.reciprocity;
