package nl.wederkerig.api.platform.web.problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** Human titles for problem codes: Dutch by default, English when the client prefers it. */
public final class ProblemTitles {

    private static final Properties DUTCH = load("/problems_nl.properties");
    private static final Properties ENGLISH = load("/problems_en.properties");
    private static final String FALLBACK = "rule-violated";

    private ProblemTitles() {
    }

    public static String title(String code, Locale locale) {
        Properties titles = "en".equals(locale.getLanguage()) ? ENGLISH : DUTCH;
        return titles.getProperty(code, titles.getProperty(FALLBACK));
    }

    public static boolean knows(String code) {
        return DUTCH.containsKey(code) && ENGLISH.containsKey(code);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProblemTitles.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
