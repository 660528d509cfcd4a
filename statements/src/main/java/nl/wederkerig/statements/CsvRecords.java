package nl.wederkerig.statements;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records (RFC 4180: fields may be quoted, a quote inside a quoted field
 * is doubled, a quoted field may hold the separator or a line break). Tab-separated exports (ABN
 * AMRO) are read without quoting: their descriptions may hold a lone quote. Blank lines are
 * skipped. Bounded: at most {@link #MAX_RECORDS} records and {@link #MAX_FIELDS} fields each.
 */
final class CsvRecords {

    static final int MAX_RECORDS = 50_000;
    static final int MAX_FIELDS = 64;

    /** One record: the file line it starts on, its fields, and its text as it stood in the file. */
    record Record(int lineNumber, List<String> fields, String raw) {
    }

    private CsvRecords() {
    }

    static List<Record> parse(String text, char separator, boolean quoting) {
        List<Record> records = new ArrayList<>();
        int length = text.length();
        int i = 0;
        int line = 1;
        while (i < length) {
            int start = i;
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (i < length) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        if (i < length && text.charAt(i) != separator && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                            throw new StatementRefused(StatementRefused.Reason.LINE_UNREADABLE, line, "text after a closing quote");
                        }
                        continue;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                    i++;
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    break;
                }
                if (c == separator) {
                    addField(fields, field, line);
                    wasQuoted = false;
                    i++;
                    continue;
                }
                if (quoting && c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    i++;
                    continue;
                }
                field.append(c);
                i++;
            }
            if (quoted) {
                throw new StatementRefused(StatementRefused.Reason.LINE_UNREADABLE, startLine, "a quoted field is never closed");
            }
            String raw = text.substring(start, i);
            addField(fields, field, line);
            // the line break: \r\n, \n or \r
            if (i < length && text.charAt(i) == '\r') {
                i++;
            }
            if (i < length && text.charAt(i) == '\n') {
                i++;
            }
            line++;
            if (raw.isBlank()) {
                continue;
            }
            if (records.size() >= MAX_RECORDS) {
                throw new StatementRefused(StatementRefused.Reason.TOO_MANY_LINES, startLine, "at most " + MAX_RECORDS + " records");
            }
            records.add(new Record(startLine, List.copyOf(fields), raw));
        }
        return records;
    }

    private static void addField(List<String> fields, StringBuilder field, int line) {
        if (fields.size() >= MAX_FIELDS) {
            throw new StatementRefused(StatementRefused.Reason.CSV_COLUMNS, line, "more than " + MAX_FIELDS + " columns");
        }
        fields.add(field.toString());
        field.setLength(0);
    }
}
