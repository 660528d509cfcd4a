package nl.wederkerig.api.reciprocity;

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
 * A partner's reciprocity statement as a PDF: the page's {@link StatementView} written into a
 * Thymeleaf template for print, the charts drawn on the server ({@link StatementCharts}), and the
 * HTML turned into PDF by openhtmltopdf. Nothing is fetched from anywhere: images are data: URIs
 * and the fonts are the PDF's own.
 */
@Component
class StatementPdf {

    static final String TEMPLATE = "partner-statement-pdf";

    private final PdfDocuments documents;
    private final MessageSource texts;
    private final Clock clock;

    StatementPdf(PdfDocuments documents, MessageSource texts, Clock clock) {
        this.documents = documents;
        this.texts = texts;
        this.clock = clock;
    }

    byte[] render(PartnerOverview overview, Locale locale) {
        StatementView view = StatementView.of(overview, texts, locale);
        Context context = new Context(locale);
        context.setVariable("view", view);
        String drawn = texts.getMessage("partner.chart.drawn", null, locale);
        String returned = texts.getMessage("partner.chart.returned", null, locale);
        context.setVariable("monthsChart", StatementCharts.months(view, drawn, returned));
        context.setVariable("runningChart", StatementCharts.running(view, texts.getMessage("partner.running", null, locale)));
        context.setVariable("initiativesChart", StatementCharts.initiatives(view, drawn, returned));
        context.setVariable("made", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).format(ZonedDateTime.now(clock)));
        return documents.render(TEMPLATE, context);
    }
}
