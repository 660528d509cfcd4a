package nl.wederkerig.api.funds;

import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.funds.AnnualFigures;
import nl.wederkerig.projections.funds.AnnualReport;
import nl.wederkerig.projections.funds.PartnerPosition;
import nl.wederkerig.projections.funds.PeriodFigures;
import nl.wederkerig.projections.reconciliation.ReconciliationAsOf;
import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An annual report written out for people, each figure beside the same figure of the year before:
 * the same rows for the PDF and for the treasury page's fund overview, so both say the same. Only
 * sources, categories, partners (organisations) and totals: no neighbour appears.
 *
 * @param year   the year as written (2026, never grouped like a number: "2.026")
 * @param linked whether the initiative has a bank account linked (else no reconciliation rows)
 */
public record AnnualReportView(String wijk, String initiative, String year, String previousYear, List<Row> income, Row incomeTotal,
                               List<Row> expenses, Row expensesTotal, List<Row> figures, List<PartnerRows> partners,
                               boolean linked, List<Row> reconciliation) {

    /** One figure: this year and the year before. {@code id} is stable, for tests and anchors. */
    public record Row(String id, String label, String current, String previous) {
    }

    /** One partner's position, figure by figure. */
    public record PartnerRows(String partner, List<Row> rows) {
    }

    public static AnnualReportView of(AnnualReports.NamedReport named, MessageSource texts, Locale locale) {
        AnnualReport report = named.report();
        Writer w = new Writer(report.current(), report.previous(), texts, locale);
        List<Row> income = new ArrayList<>();
        for (ContributionSource source : ContributionSource.values()) {
            income.add(w.money("income-" + source.name(), "treasury.source." + source.name(), f -> f.fund().incomeBySource().get(source)));
        }
        List<Row> expenses = new ArrayList<>();
        for (ExpenseCategory category : ExpenseCategory.values()) {
            expenses.add(w.money("expense-" + category.name(), "treasury.category." + category.name(),
                    f -> f.fund().expensesByCategory().get(category)));
        }
        List<Row> figures = List.of(
                w.money("opening", "annual.opening", f -> f.fund().openingBalance()),
                w.row("claims-paid", "annual.claims-paid.count", f -> Long.toString(f.fund().claimsPaid().count())),
                w.money("claims-paid-amount", "annual.claims-paid.amount", f -> f.fund().claimsPaid().amount()),
                w.row("hours", "annual.hours", f -> w.figures.hours(f.fund().partnerHoursMinutes())),
                w.money("closing", "annual.closing", f -> f.fund().closingBalance()));
        List<PartnerRows> partners = new ArrayList<>();
        for (int i = 0; i < report.current().partners().size(); i++) {
            int at = i;
            Function<AnnualFigures, PartnerPosition> of = f -> f.partners().get(at);
            partners.add(new PartnerRows(report.current().partners().get(i).partnerId().value(), List.of(
                    w.row("drawn-hours", "annual.partner.hours", f -> w.figures.hours(of.apply(f).drawnMinutes())),
                    w.money("drawn-value", "annual.partner.drawn", f -> of.apply(f).drawnValue()),
                    w.money("returned-money", "annual.partner.money", f -> of.apply(f).returnedMoney()),
                    w.money("returned-in-kind", "annual.partner.in-kind", f -> of.apply(f).returnedInKind()),
                    w.money("balance", "annual.partner.balance", f -> of.apply(f).balance()))));
        }
        boolean linked = report.current().reconciliation() != null;
        List<Row> reconciliation = !linked ? List.of() : List.of(
                w.row("last-closed", "annual.reconciliation.closed", f -> w.date(recon(f).lastClosedPeriodEnd(), "annual.reconciliation.none")),
                w.row("statement-through", "annual.reconciliation.statement",
                        f -> w.date(recon(f).statementThrough(), "annual.reconciliation.no-statement")),
                w.row("difference", "annual.reconciliation.difference",
                        f -> recon(f).difference() == null ? w.text("annual.reconciliation.unknown") : w.figures.money(recon(f).difference())));
        return new AnnualReportView(named.wijk(), report.initiativeId().value(), report.current().year().toString(),
                report.previous().year().toString(), income,
                w.money("income-total", "annual.income.total", f -> f.fund().incomeTotal()), expenses,
                w.money("expense-total", "annual.expenses.total", f -> f.fund().expensesTotal()), figures, partners, linked,
                reconciliation);
    }

    /** The year before had no account yet: its reconciliation reads as nothing imported or closed. */
    private static ReconciliationAsOf recon(AnnualFigures year) {
        return year.reconciliation() == null ? ReconciliationAsOf.nothingBy(year.year().atMonth(12).atEndOfMonth()) : year.reconciliation();
    }

    /** Writes one figure of both years the same way. */
    private static final class Writer {
        private final AnnualFigures current;
        private final AnnualFigures previous;
        private final MessageSource texts;
        private final Locale locale;
        private final Figures figures;

        Writer(AnnualFigures current, AnnualFigures previous, MessageSource texts, Locale locale) {
            this.current = current;
            this.previous = previous;
            this.texts = texts;
            this.locale = locale;
            this.figures = new Figures(locale);
        }

        Row row(String id, String labelKey, Function<AnnualFigures, String> figure) {
            return new Row(id, text(labelKey), figure.apply(current), figure.apply(previous));
        }

        Row money(String id, String labelKey, Function<AnnualFigures, Money> figure) {
            return row(id, labelKey, f -> figures.money(figure.apply(f)));
        }

        String text(String key) {
            return texts.getMessage(key, null, locale);
        }

        String date(LocalDate day, String noneKey) {
            return day == null ? text(noneKey) : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
        }
    }
}
