/**
 * Initiative funds: contributions, expenses, transfers between bank and cash box, paying approved claims and
 * reversing money entries. Only the fund's treasurers (a copy of the community's roles) record money.
 */
package nl.wederkerig.core.funds;
