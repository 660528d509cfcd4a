package nl.wederkerig.api.platform.web;

import nl.wederkerig.api.support.EngineNeutral;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The language switch keeps the page's query and changes only the language. */
@EngineNeutral
class LanguageLinksTest {

    private static MockHttpServletRequest get(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/partners/zorg-west");
        request.setQueryString(query);
        return request;
    }

    @Test
    void theChosenPeriodAndItsDatesStay() {
        assertThat(LanguageLinks.switchTo(get("period=custom&from=2026-01-01&to=2026-03-31"), "en"))
                .isEqualTo("?period=custom&from=2026-01-01&to=2026-03-31&lang=en");
    }

    @Test
    void anEarlierLanguageIsReplacedNotRepeated() {
        assertThat(LanguageLinks.switchTo(get("lang=en&period=quarter&on=2026-05-02"), "nl"))
                .isEqualTo("?period=quarter&on=2026-05-02&lang=nl");
    }

    @Test
    void whatTheBrowserEncodedStaysEncoded() {
        assertThat(LanguageLinks.switchTo(get("q=a%20b%26c"), "en")).isEqualTo("?q=a%20b%26c&lang=en");
    }

    @Test
    void withoutAQueryOrForAPostOnlyTheLanguage() {
        assertThat(LanguageLinks.switchTo(get(null), "en")).isEqualTo("?lang=en");
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/coordinator/roles");
        post.setQueryString("x=1");
        assertThat(LanguageLinks.switchTo(post, "en")).isEqualTo("?lang=en");
        assertThat(LanguageLinks.switchTo(null, "en")).isEqualTo("?lang=en");
        assertThat(LanguageLinks.switchTo(get("period=" + "m".repeat(LanguageLinks.MAX_QUERY_CHARS)), "en")).isEqualTo("?lang=en");
    }
}
