package nl.wederkerig.api.reciprocity;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final ITemplateEngine templates;
    private final MessageSource texts;
    private final Clock clock;

    StatementPdf(ITemplateEngine templates, MessageSource texts, Clock clock) {
        this.templates = templates;
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
        return pdf(templates.process(TEMPLATE, context));
    }

    private static byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
    }
}
