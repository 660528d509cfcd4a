/** The neighbours' own pages in a browser: logging in and their own overview. Every figure comes from a read model. */
package nl.wederkerig.api.platform.web.pages;
