package nl.wederkerig.api.advances;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import nl.wederkerig.core.community.AccountHolder;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The EPC QR code ("GiroCode", EPC069-12 version 002) for a SEPA credit transfer: a banking app
 * that scans it fills in the beneficiary, the IBAN, the amount and the reference. Plain text, one
 * element per line; rendered here, on the server, so the page needs no script and nothing leaves
 * the machine.
 */
final class GiroCode {

    /** EPC069-12: at most 999,999,999.99 euro in one transfer, at least one cent. */
    static final BigDecimal MAX_EUR = new BigDecimal("999999999.99");
    /** EPC069-12: the unstructured remittance information holds 140 characters. */
    static final int MAX_REMITTANCE_CHARS = 140;
    /** EPC069-12: the whole payload is at most 331 bytes. */
    static final int MAX_PAYLOAD_BYTES = 331;
    /** Pixels per side of the PNG: large enough to scan from a phone held at arm's length off a screen. */
    static final int SIDE_PX = 300;

    private GiroCode() {
    }

    /**
     * The payload text: service tag, version, character set (1 = UTF-8), identification, no BIC
     * (optional within the EEA since version 002), name, IBAN, amount, no purpose, no structured
     * reference, the unstructured reference. Lines end with LF; the last one has none.
     */
    static String payload(AccountHolder beneficiary, Iban iban, Money amount, String reference) {
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(iban, "iban");
        if (!Money.EUR.equals(amount.currency())) {
            throw new IllegalArgumentException("a GiroCode is for euros only");
        }
        BigDecimal euros = amount.amount();
        if (euros.signum() <= 0 || euros.compareTo(MAX_EUR) > 0) {
            throw new IllegalArgumentException("a GiroCode holds 0.01 to " + MAX_EUR + " euro");
        }
        if (reference.isEmpty() || reference.length() > MAX_REMITTANCE_CHARS || reference.contains("\n")) {
            throw new IllegalArgumentException("the reference is one line of 1 to " + MAX_REMITTANCE_CHARS + " characters");
        }
        String payload = String.join("\n", "BCD", "002", "1", "SCT", "", beneficiary.value(), iban.value(),
                "EUR" + euros.setScale(2).toPlainString(), "", "", reference);
        // A name of 70 accented letters is 140 bytes: with a long reference that can pass the limit.
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a GiroCode holds at most " + MAX_PAYLOAD_BYTES + " bytes");
        }
        return payload;
    }

    /** The payload as a black-on-white PNG, error correction M (as EPC069-12 asks), with the quiet zone around it. */
    static byte[] png(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, com.google.zxing.BarcodeFormat.QR_CODE, SIDE_PX, SIDE_PX,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, 4));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("the payload does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
