/** Memberships: the roles members hold and the consents they gave, as the API checks them. */
package nl.wederkerig.projections.community;
