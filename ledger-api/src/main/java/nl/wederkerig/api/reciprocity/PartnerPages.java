package nl.wederkerig.api.reciprocity;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.core.shared.PartnerId;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

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
    private final StatementPdf pdf;

    PartnerPages(Reciprocity reciprocity, MessageSource texts, BusinessDay day, StatementPdf pdf) {
        this.reciprocity = reciprocity;
        this.texts = texts;
        this.day = day;
        this.pdf = pdf;
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
        model.addAttribute("pdfUrl", pdfUrl(partnerId, chosen));
        return PAGE;
    }

    /**
     * The same statement as a PDF, for the same period choice; a choice that cannot be read gets
     * the page with its messages instead (a link from the page never sends one).
     */
    @GetMapping(value = "/partners/{partnerId}/statement.pdf")
    Object download(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId,
                    @RequestParam(defaultValue = "year") String period, @RequestParam(defaultValue = "") String on,
                    @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                    Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        ReportPeriod chosen = read(new PeriodChoice(period, on, from, to), day.today(), errors);
        if (chosen == null) {
            return show(me, partnerId, period, on, from, to, locale, model, response);
        }
        PartnerOverview overview = reciprocity.overview(me, me.communityId(), partnerId, chosen);
        String name = "wederkerigheid-" + partnerId.value() + "-" + chosen.from() + "-" + chosen.to() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf.render(overview, locale));
    }

    /** The PDF of the period shown: a chosen period by its days, a month, quarter or year by its first day. */
    static String pdfUrl(PartnerId partner, ReportPeriod period) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/partners/{id}/statement.pdf")
                .queryParam("period", period.kind().name().toLowerCase(Locale.ROOT));
        if (period.kind() == ReportPeriod.Kind.CUSTOM) {
            url.queryParam("from", period.from()).queryParam("to", period.to());
        } else {
            url.queryParam("on", period.from());
        }
        return url.buildAndExpand(partner.value()).encode().toUriString();
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
