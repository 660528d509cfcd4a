/** HTTP resources for trust histories. */
package nl.wederkerig.api.trust;
