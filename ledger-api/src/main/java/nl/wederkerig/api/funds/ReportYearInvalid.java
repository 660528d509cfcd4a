package nl.wederkerig.api.funds;

import nl.wederkerig.api.platform.web.problems.HttpStatusOfRule;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.http.HttpStatus;

/** The year of an annual report is not four digits from {@value AnnualReports#FIRST_YEAR} up to next year. */
public final class ReportYearInvalid extends RuleViolation implements HttpStatusOfRule {

    public static final String CODE = "report-year-invalid";

    ReportYearInvalid(String message) {
        super(message);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public HttpStatus httpStatus() {
        return HttpStatus.BAD_REQUEST;
    }
}
