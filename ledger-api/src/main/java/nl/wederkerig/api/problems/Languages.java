package nl.wederkerig.api.problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/** Dutch is the default language of every answer; English when the client asks for it. */
@Configuration
public class Languages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Bean
    public LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(DUTCH, Locale.ENGLISH));
        resolver.setDefaultLocale(DUTCH);
        return resolver;
    }
}
