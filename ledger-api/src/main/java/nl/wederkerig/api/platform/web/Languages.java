package nl.wederkerig.api.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Dutch is the default language of every answer; English when the client asks for it. API clients
 * ask with {@code Accept-Language}. A person in a browser can also choose on a page ({@code ?lang=en}
 * or {@code ?lang=nl}); that choice is kept in a cookie holding only the language, so it survives
 * the log-in redirect, and it wins over the browser's own setting.
 */
@Configuration
public class Languages implements WebMvcConfigurer {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);
    public static final String PARAMETER = "lang";
    static final String COOKIE = "wederkerig-lang";
    static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    @Bean
    public LocaleResolver localeResolver() {
        return new ChosenOrAsked();
    }

    /** Page texts (templates' {@code #{...}}) in {@code messages_nl/en.properties}; any other language gets Dutch. */
    @Bean
    public MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setDefaultLocale(DUTCH);
        // Never the server's own locale: the same request gets the same words on every machine.
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** Only pages switch language by parameter: an API answer never sets a cookie. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor choice = new LocaleChangeInterceptor();
        choice.setParamName(PARAMETER);
        choice.setIgnoreInvalidLocale(true);
        registry.addInterceptor(choice).excludePathPatterns("/api/**");
    }

    static Locale supported(Locale asked) {
        if (asked == null) {
            return null;
        }
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(asked.getLanguage())).findFirst().orElse(null);
    }

    /** The language chosen on a page (cookie), else the one the client asks for, else Dutch. */
    static final class ChosenOrAsked implements LocaleResolver {

        private static final String CHOSEN_NOW = ChosenOrAsked.class.getName() + ".chosen";

        private final AcceptHeaderLocaleResolver asked = new AcceptHeaderLocaleResolver();

        ChosenOrAsked() {
            asked.setSupportedLocales(SUPPORTED);
            asked.setDefaultLocale(DUTCH);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            // Chosen in this very request: its cookie only reaches us with the next one.
            if (request.getAttribute(CHOSEN_NOW) instanceof Locale now) {
                return now;
            }
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (COOKIE.equals(cookie.getName())) {
                        Locale chosen = supported(Locale.forLanguageTag(cookie.getValue()));
                        if (chosen != null) {
                            return chosen;
                        }
                    }
                }
            }
            return asked.resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            Locale chosen = supported(locale);
            if (chosen == null || response == null) {
                return;
            }
            request.setAttribute(CHOSEN_NOW, chosen);
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
