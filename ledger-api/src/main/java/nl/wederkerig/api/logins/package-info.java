/** Log-in accounts: who a request comes from, as a member of one community. */
package nl.wederkerig.api.logins;
