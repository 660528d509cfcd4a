package nl.wederkerig.api.platform.web.pages;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A Thymeleaf template written as XHTML for print, turned into a PDF by openhtmltopdf. Nothing is
 * fetched from anywhere: templates carry their images as data: URIs and use the PDF's own fonts.
 */
@Component
public class PdfDocuments {

    private final ITemplateEngine templates;

    PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Context context) {
        String xhtml = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF " + template, e);
        }
    }
}
