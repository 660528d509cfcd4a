package nl.wederkerig.statements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a bank statement file into {@link StatementFile}: the one entry point an application calls.
 * Every problem is a {@link StatementRefused} and nothing is returned, so a refused file can never
 * be half imported. The import then applies {@link StatementChecks} (adding up, period), which the
 * reader leaves out so that odd files can still be shown.
 *
 * <p>Limits: at most {@value #MAX_FILE_BYTES} bytes (5 MiB) read, never more; at most
 * {@value #MAX_LINES_PER_STATEMENT} lines per statement. Text formats are read as UTF-8 (a BOM is
 * dropped) and, where that fails, as Windows-1252, the encoding of older Dutch bank exports.
 */
public final class StatementReader {

    /** Largest file accepted: 5 MiB, a year of a busy account's CAMT.053 with room to spare. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** Most lines in one statement: a neighbourhood initiative books far fewer in a year. */
    public static final int MAX_LINES_PER_STATEMENT = 10_000;

    private StatementReader() {
    }

    /** Reads at most {@link #MAX_FILE_BYTES} from {@code in} (not closed here) and parses them as {@code format}. */
    public static StatementFile read(InputStream in, StatementFormat format) {
        return read(bounded(in), format);
    }

    public static StatementFile read(byte[] bytes, StatementFormat format) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw new StatementRefused(StatementRefused.Reason.EMPTY, 0, "the file is empty");
        }
        return switch (format) {
            case CAMT053 -> Camt053Parser.parse(bytes);
            case MT940 -> Mt940Parser.parse(text(bytes));
            case CSV_ING -> CsvStatementParser.parse(text(bytes), CsvLayout.ING);
            case CSV_RABOBANK -> CsvStatementParser.parse(text(bytes), CsvLayout.RABOBANK);
            case CSV_ABNAMRO -> CsvStatementParser.parse(text(bytes), CsvLayout.ABNAMRO);
            case CSV_TRIODOS -> CsvStatementParser.parse(text(bytes), CsvLayout.TRIODOS);
        };
    }

    public static StatementFile readCamt053(InputStream in) {
        return read(in, StatementFormat.CAMT053);
    }

    public static StatementFile readMt940(InputStream in) {
        return read(in, StatementFormat.MT940);
    }

    public static StatementFile readCsv(InputStream in, CsvLayout layout) {
        return read(in, layout.format());
    }

    /** Reads one byte more than allowed, to tell a file of exactly the limit from a larger one, and no more. */
    static byte[] bounded(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the statement failed", e);
        }
    }

    private static StatementRefused tooLarge() {
        return new StatementRefused(StatementRefused.Reason.TOO_LARGE, 0, "a statement file holds at most " + MAX_FILE_BYTES + " bytes");
    }

    static String text(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        byte[] content = offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, bytes.length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }
}
