package nl.wederkerig.statements;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementReaderTest {

    @Test
    void refusesAFileOverFiveMegabytesWithoutReadingItAll() {
        CountingStream endless = new CountingStream();
        assertThatThrownBy(() -> StatementReader.read(endless, StatementFormat.CAMT053)).isInstanceOf(StatementRefused.class)
                .extracting(e -> ((StatementRefused) e).code()).isEqualTo("statement-too-large");
        assertThat(endless.read).isEqualTo(StatementReader.MAX_FILE_BYTES + 1L);
    }

    @Test
    void refusesOneByteTooMuchInEveryFormat() {
        byte[] tooLarge = new byte[StatementReader.MAX_FILE_BYTES + 1];
        Arrays.fill(tooLarge, (byte) ' ');
        for (StatementFormat format : StatementFormat.values()) {
            assertThatThrownBy(() -> StatementReader.read(tooLarge, format)).isInstanceOf(StatementRefused.class)
                    .extracting(e -> ((StatementRefused) e).reason()).isEqualTo(StatementRefused.Reason.TOO_LARGE);
        }
    }

    @Test
    void readsAFileOfExactlyTheLimit() {
        byte[] january = Files.bytes("statements/camt053-januari.xml");
        byte[] padded = Arrays.copyOf(january, StatementReader.MAX_FILE_BYTES);
        Arrays.fill(padded, january.length, padded.length, (byte) '\n');
        assertThat(StatementReader.read(new ByteArrayInputStream(padded), StatementFormat.CAMT053).lineCount()).isEqualTo(4);
    }

    @Test
    void refusesAnEmptyFile() {
        for (StatementFormat format : StatementFormat.values()) {
            assertThatThrownBy(() -> StatementReader.read(new byte[0], format)).isInstanceOf(StatementRefused.class)
                    .extracting(e -> ((StatementRefused) e).reason()).isEqualTo(StatementRefused.Reason.EMPTY);
        }
    }

    @Test
    void dropsAByteOrderMark() {
        byte[] sample = Files.bytes("samples/csv/ing-nl-synthetic.csv");
        byte[] withBom = new byte[sample.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(sample, 0, withBom, 3, sample.length);
        assertThat(StatementReader.read(withBom, StatementFormat.CSV_ING).lineCount()).isEqualTo(2);
    }

    /** An input that never ends, counting what was taken from it. */
    static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'x');
            read += len;
            return len;
        }
    }
}
