package nl.wederkerig.projections.journal;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the accountant's CSV is written: the header's language, the zone in which the recorded
 * moment becomes a date, and the relative link to a claim (the web layer knows its addresses).
 */
public record CsvOptions(CsvLanguage language, ZoneId zone, Function<ClaimLink, String> claimLink) {

    public CsvOptions {
        Objects.requireNonNull(language, "language is missing");
        Objects.requireNonNull(zone, "zone is missing");
        Objects.requireNonNull(claimLink, "claim link is missing");
    }
}
