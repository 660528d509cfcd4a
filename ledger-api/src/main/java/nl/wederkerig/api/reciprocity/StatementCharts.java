package nl.wederkerig.api.reciprocity;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The statement's charts drawn on the server as PNG images (XChart), for the PDF: no browser
 * renders them. The figures are the same {@link StatementView} the tables print; the pictures only
 * repeat them, so a chart's scale may round where the table never does.
 */
final class StatementCharts {

    private static final Color DRAWN = new Color(0xB4, 0x54, 0x1A);
    private static final Color RETURNED = new Color(0x1F, 0x5F, 0x4A);
    private static final int WIDTH_PX = 1000;
    private static final int HEIGHT_PX = 420;

    private StatementCharts() {
    }

    /** Drawn versus returned per month as bars, as a data: URI. */
    static String months(StatementView view, String drawn, String returned) {
        CategoryChart chart = chart();
        List<String> labels = view.months().stream().map(StatementView.Month::label).toList();
        chart.addSeries(drawn, labels, numbers(view.months(), StatementView.Month::drawnEuros)).setFillColor(DRAWN);
        chart.addSeries(returned, labels, numbers(view.months(), StatementView.Month::returnedEuros)).setFillColor(RETURNED);
        return png(chart);
    }

    /** The running balance at each month's end as a line, as a data: URI. */
    static String running(StatementView view, String label) {
        CategoryChart chart = chart();
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        List<String> labels = view.months().stream().map(StatementView.Month::label).toList();
        org.knowm.xchart.CategorySeries line = chart.addSeries(label, labels, numbers(view.months(), StatementView.Month::runningEuros));
        line.setLineColor(RETURNED);
        line.setMarkerColor(RETURNED);
        return png(chart);
    }

    /** Drawn versus returned per initiative as bars, as a data: URI; null when no initiative had entries. */
    static String initiatives(StatementView view, String drawn, String returned) {
        if (view.initiatives().isEmpty()) {
            return null;
        }
        CategoryChart chart = chart();
        List<String> labels = view.initiatives().stream().map(StatementView.Initiative::id).toList();
        chart.addSeries(drawn, labels, numbers(view.initiatives(), StatementView.Initiative::drawnEuros)).setFillColor(DRAWN);
        chart.addSeries(returned, labels, numbers(view.initiatives(), StatementView.Initiative::returnedEuros))
                .setFillColor(RETURNED);
        return png(chart);
    }

    private static CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH_PX).height(HEIGHT_PX).build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setAntiAlias(true);
        chart.getStyler().setXAxisLabelRotation(45);
        return chart;
    }

    /** Pixels, not money: the chart only needs where a bar ends. */
    private static <T> List<Number> numbers(List<T> rows, Function<T, String> euros) {
        return rows.stream().map(row -> (Number) new BigDecimal(euros.apply(row))).toList();
    }

    private static String png(CategoryChart chart) {
        try {
            byte[] image = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw a chart", e);
        }
    }
}
