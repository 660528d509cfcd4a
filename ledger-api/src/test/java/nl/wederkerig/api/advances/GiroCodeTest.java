package nl.wederkerig.api.advances;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import nl.wederkerig.core.community.AccountHolder;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GiroCodeTest {

    static final Iban LOTTE = Iban.parse("NL91 ABNA 0417 1643 00");

    @Test
    void thePngDecodesBackToTheEpcPayloadLineByLine() throws Exception {
        String payload = GiroCode.payload(new AccountHolder("Lotte de Vriës"), LOTTE, Money.eur("42.5"), "WDK-adv-7f3a");

        String decoded = decode(GiroCode.png(payload));

        assertThat(decoded).isEqualTo(payload);
        assertThat(decoded.split("\n", -1)).containsExactly(
                "BCD", "002", "1", "SCT", "", "Lotte de Vriës", "NL91ABNA0417164300", "EUR42.50", "", "", "WDK-adv-7f3a");
    }

    @Test
    void amountsHaveTwoDecimalsAndStayWithinTheStandardsRange() {
        AccountHolder holder = new AccountHolder("L. de Vries");
        assertThat(GiroCode.payload(holder, LOTTE, Money.eur("0.01"), "WDK-a")).contains("\nEUR0.01\n");
        // The ledger's largest amount (ten million) is well within the standard's 999,999,999.99.
        assertThat(GiroCode.payload(holder, LOTTE, Money.ofCents(Money.MAX_ABS_CENTS, Money.EUR), "WDK-a"))
                .contains("\nEUR10000000.00\n");
        assertThatThrownBy(() -> GiroCode.payload(holder, LOTTE, Money.eur("0.00"), "WDK-a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GiroCode.payload(holder, LOTTE, Money.eur("-5.00"), "WDK-a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLongestNameAndReferenceStillFitTheStandardsLimit() {
        // The longest advance id is 64 characters: "WDK-" and it make 68.
        String payload = GiroCode.payload(new AccountHolder("é".repeat(70)), Iban.parse("MT84MALT011000012345MTLCAST001S"),
                Money.ofCents(Money.MAX_ABS_CENTS, Money.EUR), "WDK-" + "a".repeat(64));
        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(GiroCode.MAX_PAYLOAD_BYTES);
        assertThatThrownBy(() -> GiroCode.payload(new AccountHolder("é".repeat(70)), Iban.parse("MT84MALT011000012345MTLCAST001S"),
                Money.eur("1.00"), "W".repeat(140)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("331 bytes");
        assertThatThrownBy(() -> GiroCode.payload(new AccountHolder("x"), LOTTE, Money.eur("1.00"), "W".repeat(141)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GiroCode.payload(new AccountHolder("x"), LOTTE, Money.eur("1.00"), "WDK-a\nBCD"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8"));
        return result.getText();
    }
}
