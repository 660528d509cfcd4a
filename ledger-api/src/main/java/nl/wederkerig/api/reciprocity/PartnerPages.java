package nl.wederkerig.api.reciprocity;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.core.shared.PartnerId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A partner's start page: what it drew from the wijk and what it returned, for a period and the
 * period before it, month by month and per initiative, each chart beside its table. The charts
 * are drawn in the browser from those tables (Chart.js), so the page is complete without script.
 * {@link Reciprocity} decides who may see it: the partner's representatives and the coordinators.
 */
@Controller
class PartnerPages {

    static final String PAGE = "partner";

    private final Reciprocity reciprocity;
    private final MessageSource texts;
    private final BusinessDay day;

    PartnerPages(Reciprocity reciprocity, MessageSource texts, BusinessDay day) {
        this.reciprocity = reciprocity;
        this.texts = texts;
        this.day = day;
    }

    /** The period as asked for in the page's form: a kind, a day in it, or a first and last day. */
    record PeriodChoice(String period, String on, String from, String to) {
    }

    @GetMapping("/partners/{partnerId}")
    String show(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId,
                @RequestParam(defaultValue = "year") String period, @RequestParam(defaultValue = "") String on,
                @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        PeriodChoice choice = new PeriodChoice(period, on, from, to);
        ReportPeriod chosen = read(choice, day.today(), errors);
        model.addAttribute("choice", choice);
        model.addAttribute("partnerId", partnerId.value());
        if (errors.any()) {
            // Nothing is shown for a period that could not be read; the partner is still checked first.
            reciprocity.requireStatementVisible(me, me.communityId(), partnerId);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors.messages());
            return PAGE;
        }
        PartnerOverview overview = reciprocity.overview(me, me.communityId(), partnerId, chosen);
        model.addAttribute("view", StatementView.of(overview, texts, locale));
        model.addAttribute("pdfQuery", "from=" + chosen.from() + "&to=" + chosen.to() + "&period=" + choice.period());
        return PAGE;
    }

    /** The period asked for, or null with a message beside the field that could not be read. */
    static ReportPeriod read(PeriodChoice choice, LocalDate today, FormErrors errors) {
        ReportPeriod.Kind kind;
        try {
            kind = ReportPeriod.Kind.valueOf(choice.period().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.reject("period", "partner.period.invalid");
            return null;
        }
        if (kind != ReportPeriod.Kind.CUSTOM) {
            LocalDate day = choice.on().isBlank() ? today : date(choice.on(), "on", errors);
            return day == null ? null : ReportPeriod.holding(kind, day);
        }
        LocalDate first = errors.read("from", choice.from(), PartnerPages::parseDate, "partner.date.invalid");
        LocalDate last = errors.read("to", choice.to(), PartnerPages::parseDate, "partner.date.invalid");
        if (first == null || last == null) {
            return null;
        }
        try {
            return ReportPeriod.custom(first, last);
        } catch (IllegalArgumentException wrongWayRoundOrTooLong) {
            errors.reject("to", first.isAfter(last) ? "partner.period.reversed" : "partner.period.too-long");
            return null;
        }
    }

    private static LocalDate date(String raw, String field, FormErrors errors) {
        return errors.read(field, raw, PartnerPages::parseDate, "partner.date.invalid");
    }

    /** A date as a date field sends it (2026-03-31) or as people write it here (31-3-2026). */
    static LocalDate parseDate(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(raw.replace('/', '-'), DateTimeFormatter.ofPattern("d-M-uuuu"));
            } catch (DateTimeParseException notDutch) {
                throw new IllegalArgumentException("not a date: " + raw, notDutch);
            }
        }
    }
}
