package nl.wederkerig.api.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Set;

/**
 * The address of the language switch on every page ({@code ${#languageLinks.switchTo('en')}} in
 * the page frame): the page as it is, with its query (a report's period and dates, a list's
 * filter), and only the language changed. A bare {@code ?lang=en} threw the query away, so a
 * partner who chose a quarter got the year again in the other language. An expression object of
 * its own dialect, because Thymeleaf refuses bean references ({@code @bean}) in a link.
 */
@Component
public class LanguageLinks extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "languageLinks";

    public LanguageLinks() {
        super("wederkerig-language-links");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? LanguageLinks.this : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                // The same object serves every page: it reads the request each time it is asked.
                return true;
            }
        };
    }

    /** A query longer than this is not copied into the link (the page itself was already that long to ask for). */
    static final int MAX_QUERY_CHARS = 2_000;

    /** A relative link to this page and query with {@code lang} set to {@code language}, e.g. {@code ?period=month&lang=en}. */
    public String switchTo(String language) {
        return switchTo(currentRequest(), language);
    }

    static String switchTo(HttpServletRequest request, String language) {
        String bare = "?" + Languages.PARAMETER + "=" + language;
        // A page rendered for a POST (a form sent back with its errors) has no query of its own to keep.
        if (request == null || !"GET".equals(request.getMethod())) {
            return bare;
        }
        String query = request.getQueryString();
        if (query == null || query.isBlank() || query.length() > MAX_QUERY_CHARS) {
            return bare;
        }
        try {
            // The query as the browser sent it (already encoded); only the language is replaced.
            return UriComponentsBuilder.newInstance().query(query)
                    .replaceQueryParam(Languages.PARAMETER, language)
                    .build(true).toUriString();
        } catch (IllegalArgumentException unreadable) {
            return bare;
        }
    }

    private static HttpServletRequest currentRequest() {
        // Outside a request (a PDF rendered from a template) there is no page to keep.
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
    }
}
