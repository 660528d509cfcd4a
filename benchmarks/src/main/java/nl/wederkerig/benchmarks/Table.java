package nl.wederkerig.benchmarks;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as a Markdown table, so the output pastes straight into docs/performance.md. */
final class Table {

    private static final String[] HEADER = {"figure", "size", "result", "baseline (same run)", "ratio", "target", "verdict"};

    private Table() {
    }

    static void print(List<Row> rows, PrintStream out) {
        line(HEADER, out);
        out.println("| --- | --- | ---: | --- | ---: | --- | --- |");
        for (Row row : rows) {
            line(row.cells(), out);
        }
    }

    private static void line(String[] cells, PrintStream out) {
        StringBuilder text = new StringBuilder("|");
        for (String cell : cells) {
            text.append(' ').append(cell.replace("|", "/")).append(" |");
        }
        out.println(text);
    }
}
