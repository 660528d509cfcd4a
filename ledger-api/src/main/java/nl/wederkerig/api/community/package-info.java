/**
 * HTTP resources for administering a community: members (with their first login), initiatives,
 * partners, roles, the limit on open advances and the valuation of a volunteer hour. Founding a
 * community is left to start-up (the demo) and the command line: it has no coordinator to act yet.
 */
package nl.wederkerig.api.community;
