/** A demo neighbourhood for newcomers: {@code --wederkerig.demo=true}. */
package nl.wederkerig.api.demo;
