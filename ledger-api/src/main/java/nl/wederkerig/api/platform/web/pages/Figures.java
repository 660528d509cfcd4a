package nl.wederkerig.api.platform.web.pages;

import nl.wederkerig.api.platform.web.Languages;
import nl.wederkerig.core.shared.Money;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** Amounts and hours written the way a reader of the page's language expects: "€ 20,00" in Dutch, "€20.00" in English. */
public final class Figures {

    private final Locale locale;
    /**
     * Made at the first amount and kept for the rest of the page: making one parses the locale's
     * pattern, which a list of a hundred amounts paid for a hundred times. NumberFormat is not
     * thread-safe; a Figures is made per request and used by that request's thread only.
     */
    private NumberFormat format;

    public Figures(Locale locale) {
        this.locale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Languages.DUTCH;
    }

    public String money(Money money) {
        if (format == null) {
            format = NumberFormat.getCurrencyInstance(locale);
        }
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    public String unsignedMoney(Money money) {
        return money(Money.ofCents(Math.abs(money.cents()), money.currency()));
    }

    /** Whole minutes as hours and minutes, e.g. "2 uur 30 min" / "2 h 30 min". */
    public String hours(long minutes) {
        Duration duration = Duration.ofMinutes(minutes);
        String hourWord = locale.equals(Locale.ENGLISH) ? "h" : "uur";
        long wholeHours = duration.toHours();
        int restMinutes = duration.toMinutesPart();
        if (restMinutes == 0) {
            return wholeHours + " " + hourWord;
        }
        return wholeHours + " " + hourWord + " " + restMinutes + " min";
    }
}
