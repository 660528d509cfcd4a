package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.reciprocity.HourValuation;
import nl.wederkerig.projections.reciprocity.MonthFigures;
import nl.wederkerig.projections.reciprocity.PartnerStatement;
import nl.wederkerig.projections.reciprocity.StatementLine;
import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A partner's overview as the page and the PDF show it: every figure already written in the
 * reader's language, and the plain numbers the charts are drawn from. Counts are "&lt; 5" or
 * "verborgen" where {@link CountShield} hid them; no person appears anywhere.
 */
public record StatementView(String partner, String community, String period, String previousPeriod,
                            List<Comparison> comparisons, List<Month> months, List<Initiative> initiatives,
                            String valuationInForce, List<Valuation> valuations, boolean unvalued) {

    /** One figure for the period and the period before it. */
    public record Comparison(String key, String label, String current, String previous) {
    }

    /** One month: shown texts, and plain euros (dot decimals) for the charts. */
    public record Month(String label, String drawn, String returned, String balance, String running,
                        String drawnEuros, String returnedEuros, String runningEuros) {
    }

    /** One initiative's part in the period. */
    public record Initiative(String id, String hours, String hoursEntries, String drawn,
                             String returned, String returns, String balance, String drawnEuros, String returnedEuros) {
    }

    public record Valuation(String from, String perHour, String method) {
    }

    static StatementView of(PartnerOverview overview, MessageSource texts, Locale locale) {
        Writer writer = new Writer(new Figures(locale), texts, locale);
        StatementLine now = overview.statement().total();
        StatementLine before = overview.previous().total();
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(writer.compare("hours", writer.figures.hours(now.drawnMinutes()), writer.figures.hours(before.drawnMinutes())));
        comparisons.add(writer.compare("hours-value", writer.figures.money(now.drawnValue()), writer.figures.money(before.drawnValue())));
        comparisons.add(writer.compare("hours-entries", writer.count(now.hoursEntries()), writer.count(before.hoursEntries())));
        for (ServiceCategory category : ServiceCategory.values()) {
            comparisons.add(new Comparison("service-" + category.name().toLowerCase(Locale.ROOT),
                    writer.text("partner.service." + category.name()),
                    writer.count(now.servicesDrawn().get(category)), writer.count(before.servicesDrawn().get(category))));
        }
        comparisons.add(writer.compare("money", writer.figures.money(now.returnedMoney()), writer.figures.money(before.returnedMoney())));
        comparisons.add(writer.compare("in-kind", writer.figures.money(now.returnedInKind()), writer.figures.money(before.returnedInKind())));
        comparisons.add(writer.compare("balance", writer.figures.money(now.balance()), writer.figures.money(before.balance())));
        return new StatementView(overview.partnerId().value(), overview.communityName(), writer.period(overview.period()),
                writer.period(overview.previousPeriod()), comparisons,
                overview.months().stream().map(writer::month).toList(),
                overview.statement().initiatives().stream().map(writer::initiative).toList(),
                inForce(overview, writer), overview.valuations().stream().map(writer::valuation).toList(),
                now.unvaluedMinutes() > 0 || before.unvaluedMinutes() > 0);
    }

    private static String inForce(PartnerOverview overview, Writer writer) {
        LocalDate end = overview.period().to();
        return overview.valuations().stream().filter(valuation -> !valuation.effectiveFrom().isAfter(end))
                .reduce((earlier, later) -> later)
                .map(valuation -> writer.text("partner.valuation.in-force", writer.figures.money(valuation.perHour()),
                        writer.date(valuation.effectiveFrom()), writer.method(valuation)))
                .orElse(writer.text("partner.valuation.none"));
    }

    /** Writes figures, counts, dates and months in the reader's language. */
    private record Writer(Figures figures, MessageSource texts, Locale locale) {

        String text(String key, Object... arguments) {
            return texts.getMessage(key, arguments, locale);
        }

        Comparison compare(String key, String current, String previous) {
            return new Comparison(key, text("partner.figure." + key), current, previous);
        }

        String count(String shown) {
            return CountShield.HIDDEN.equals(shown) ? text("partner.count.hidden") : shown;
        }

        String date(LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
        }

        String period(ReportPeriod period) {
            return text("partner.period.range", date(period.from()), date(period.to()));
        }

        Month month(MonthFigures month) {
            Money returned = month.returnedMoney().plus(month.returnedInKind());
            return new Month(DateTimeFormatter.ofPattern("MMM yyyy", locale).format(month.month()),
                    figures.money(month.drawnValue()), figures.money(returned), figures.money(month.balance()),
                    figures.money(month.runningBalance()), month.drawnValue().amount().toPlainString(),
                    returned.amount().toPlainString(), month.runningBalance().amount().toPlainString());
        }

        Initiative initiative(StatementLine line) {
            Money returned = line.returnedMoney().plus(line.returnedInKind());
            return new Initiative(line.initiativeId().value(), figures.hours(line.drawnMinutes()), count(line.hoursEntries()),
                    figures.money(line.drawnValue()), figures.money(returned),
                    countReturns(line), figures.money(line.balance()), line.drawnValue().amount().toPlainString(),
                    returned.amount().toPlainString());
        }

        private String countReturns(StatementLine line) {
            return text("partner.returns", count(line.moneyReturns()), count(line.inKindReturns()));
        }

        Valuation valuation(HourValuation valuation) {
            return new Valuation(date(valuation.effectiveFrom()), figures.money(valuation.perHour()), method(valuation));
        }

        /** How the valuation was arrived at, in the reader's words ("niet vastgelegd" for one from before methods were named). */
        String method(HourValuation valuation) {
            return text("valuation.method." + valuation.method().name());
        }
    }
}
