package nl.wederkerig.api.funds;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.AnnualReport;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.funds.InitiativeYears;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;

import java.time.Year;

/**
 * An initiative's annual report for funders, the PDF and the treasury page's fund overview alike:
 * for its treasurers, its kascommissie and the coordinators, checked (as every reading of the books)
 * before whether the initiative exists, so nobody else can tell the two apart.
 */
@ApplicationService
public class AnnualReports {

    /** No initiative kept books here before this year. */
    public static final int FIRST_YEAR = 2000;

    private final InitiativeYears years;
    private final InitiativeFunds funds;
    private final PartnerReciprocity reciprocity;
    private final Access access;
    private final BusinessDay day;

    AnnualReports(InitiativeYears years, InitiativeFunds funds, PartnerReciprocity reciprocity, Access access, BusinessDay day) {
        this.years = years;
        this.funds = funds;
        this.reciprocity = reciprocity;
        this.access = access;
        this.day = day;
    }

    /** The report with the name people know the wijk by. */
    public record NamedReport(String wijk, AnnualReport report) {
    }

    /** The year as written in the address ({@code 2026}), beside the year before it. */
    public NamedReport report(Login me, CommunityId community, InitiativeId initiative, String year) {
        requireBooksVisible(me, community, initiative);
        return new NamedReport(reciprocity.nameOf(community), years.report(community, initiative, yearOf(year)));
    }

    /** The current business year beside the year before it, for the treasury page. */
    public NamedReport thisYear(Login me, CommunityId community, InitiativeId initiative) {
        requireBooksVisible(me, community, initiative);
        return new NamedReport(reciprocity.nameOf(community), years.report(community, initiative, Year.from(day.today())));
    }

    /** Four digits, from {@value #FIRST_YEAR} up to next year (a funder may ask ahead for a budget year). */
    Year yearOf(String text) {
        int latest = day.today().getYear() + 1;
        if (text == null || !text.strip().matches("[0-9]{4}")) {
            throw new ReportYearInvalid("the year is four digits, e.g. " + day.today().getYear());
        }
        int year = Integer.parseInt(text.strip());
        if (year < FIRST_YEAR || year > latest) {
            throw new ReportYearInvalid("the year is from " + FIRST_YEAR + " up to " + latest);
        }
        return Year.of(year);
    }

    private void requireBooksVisible(Login me, CommunityId community, InitiativeId initiative) {
        access.requireBooksReader(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
    }
}
