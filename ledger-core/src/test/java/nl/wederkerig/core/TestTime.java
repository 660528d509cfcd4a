package nl.wederkerig.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The fixed moment every test runs at, so recorded-at times and business-date limits are exact. */
public final class TestTime {

    public static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    public static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    public static final LocalDate MONDAY = LocalDate.parse("2026-11-16");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));

    private TestTime() {
    }
}
