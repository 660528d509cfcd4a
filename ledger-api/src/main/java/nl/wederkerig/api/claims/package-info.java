/**
 * HTTP resources for expense claims (declaraties): a volunteer submits one to an initiative, a
 * treasurer of that initiative approves or rejects it (never their own). Paying it is the fund's step.
 */
package nl.wederkerig.api.claims;
