package nl.wederkerig.api.funds;

import nl.wederkerig.api.platform.web.pages.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * An initiative's annual report as a PDF for funders: the {@link AnnualReportView} written into a
 * Thymeleaf template for print and turned into PDF by the shared {@link PdfDocuments}, as the
 * partner's statement is. Tables only; nothing is fetched from anywhere.
 */
@Component
public class AnnualReportPdf {

    static final String TEMPLATE = "annual-report-pdf";

    private final PdfDocuments documents;
    private final MessageSource texts;
    private final Clock clock;

    AnnualReportPdf(PdfDocuments documents, MessageSource texts, Clock clock) {
        this.documents = documents;
        this.texts = texts;
        this.clock = clock;
    }

    public byte[] render(AnnualReports.NamedReport report, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("view", AnnualReportView.of(report, texts, locale));
        context.setVariable("made", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).format(ZonedDateTime.now(clock)));
        return documents.render(TEMPLATE, context);
    }

    /** The file's name: the initiative and the year, nothing else. */
    static String fileName(AnnualReports.NamedReport report) {
        return "jaarverslag-" + report.report().initiativeId().value() + "-" + report.report().current().year() + ".pdf";
    }
}
