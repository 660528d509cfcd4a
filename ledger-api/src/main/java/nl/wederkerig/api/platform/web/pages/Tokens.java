package nl.wederkerig.api.platform.web.pages;

import org.springframework.security.web.csrf.CsrfToken;

/** The CSRF token of a page's forms. */
public final class Tokens {

    private Tokens() {
    }

    /**
     * Makes the session's token (and so the session) before the page is written: once the first
     * bytes are sent, no session cookie can be added. {@code null} when the page was asked for with
     * HTTP Basic: that has no session, and so no token and nothing for a token to protect.
     */
    public static void makeNow(CsrfToken csrf) {
        if (csrf != null) {
            csrf.getToken();
        }
    }
}
