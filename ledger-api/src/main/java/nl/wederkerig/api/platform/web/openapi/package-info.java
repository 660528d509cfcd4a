/** The OpenAPI document of the HTTP API, as exact as the JSON it describes. */
package nl.wederkerig.api.platform.web.openapi;
