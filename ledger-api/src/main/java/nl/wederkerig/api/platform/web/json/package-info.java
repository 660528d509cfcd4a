/** How the HTTP API reads and writes JSON, stricter than the defaults where money is concerned. */
package nl.wederkerig.api.platform.web.json;
