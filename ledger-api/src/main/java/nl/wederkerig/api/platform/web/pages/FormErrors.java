package nl.wederkerig.api.platform.web.pages;

import nl.wederkerig.api.platform.web.problems.ProblemTitles;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.context.MessageSource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What was wrong with a page's form, per field, in the reader's language: the page shows each
 * message beside its field ({@code fragments/form.html}) and the form again with what was typed,
 * and nothing was stored. A rule the ledger refused is named by its problem title, the same words
 * the API uses; a field that could not be read gets the page's own message.
 */
public final class FormErrors {

    /** Field name used for a message that belongs to no single field. */
    public static final String GENERAL = "form";

    private final Map<String, String> messages = new LinkedHashMap<>();
    private final MessageSource texts;
    private final Locale locale;

    public FormErrors(MessageSource texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    /** The page's own message for {@code field}, from the message bundles. */
    public void reject(String field, String messageKey, Object... arguments) {
        messages.putIfAbsent(field, texts.getMessage(messageKey, arguments, locale));
    }

    /** A rule the ledger refused, shown beside the field it is about (or above the form). */
    public void reject(RuleViolation violation, Function<String, String> fieldOfCode) {
        String field = Optional.ofNullable(fieldOfCode.apply(violation.code())).orElse(GENERAL);
        messages.putIfAbsent(field, ProblemTitles.title(violation.code(), locale) + ".");
    }

    /** Reads one field with {@code parse}; on failure the field gets {@code messageKey} and the result is null. */
    public <T> T read(String field, String raw, Function<String, T> parse, String messageKey) {
        if (raw == null || raw.isBlank()) {
            reject(field, "form.required");
            return null;
        }
        try {
            return parse.apply(raw.strip());
        } catch (IllegalArgumentException invalid) {
            reject(field, messageKey);
            return null;
        }
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    /** For the template: field name to message. */
    public Map<String, String> messages() {
        return messages;
    }
}
