package nl.wederkerig.api.claims;

import nl.wederkerig.api.claims.ReceiptRefused.Reason;
import nl.wederkerig.api.claims.ReceiptScans.Scan;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptScansTest {

    @Test
    void aLargePhoneJpegIsKeptSmallerThanTwoMegabytesAtMost1600PixelsAndWithoutItsExif() {
        byte[] photo = ReceiptImages.photoWithExif(4000, 3000);
        assertThat(photo.length).as("the photo is larger than what is kept").isBetween(ReceiptScans.MAX_STORED_BYTES + 1,
                ReceiptScans.MAX_UPLOAD_BYTES);
        assertThat(ReceiptImages.indexOf(photo, ReceiptImages.GPS_MARKER.getBytes(StandardCharsets.ISO_8859_1))).isNotNegative();

        Scan kept = ReceiptScans.prepare(photo);

        assertThat(kept.contentType()).isEqualTo("image/jpeg");
        assertThat(kept.bytes().length).isLessThanOrEqualTo(ReceiptScans.MAX_STORED_BYTES);
        BufferedImage image = ReceiptImages.decode(kept.bytes());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1200);
        assertThat(ReceiptImages.indexOf(kept.bytes(), ReceiptImages.GPS_MARKER.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        assertThat(ReceiptImages.indexOf(kept.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
    }

    @Test
    void aSmallPngBecomesAJpegOfTheSameSizeOnWhite() {
        Scan kept = ReceiptScans.prepare(ReceiptImages.png(300, 200));

        assertThat(kept.contentType()).isEqualTo("image/jpeg");
        BufferedImage image = ReceiptImages.decode(kept.bytes());
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(image.getRGB(299, 100) & 0xFFFFFF).as("the transparent half").isGreaterThan(0xF0F0F0);
    }

    @Test
    void aPdfIsKeptAsItCameUpToTwoMegabytes() {
        byte[] pdf = ReceiptImages.pdf("BON-ALBERT-HEIJN", 10_000);

        Scan kept = ReceiptScans.prepare(pdf);

        assertThat(kept.contentType()).isEqualTo("application/pdf");
        assertThat(kept.bytes()).isEqualTo(pdf);
        assertThatThrownBy(() -> ReceiptScans.prepare(ReceiptImages.pdf("GROOT", ReceiptScans.MAX_STORED_BYTES + 1)))
                .isInstanceOfSatisfying(ReceiptRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void theKindIsJudgedByTheContentSoAnHtmlPageNamedJpgIsRefused() {
        assertThatThrownBy(() -> ReceiptScans.prepare(ReceiptImages.htmlNamedJpg()))
                .isInstanceOfSatisfying(ReceiptRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.TYPE_UNSUPPORTED);
                    assertThat(refused.code()).isEqualTo("receipt-type-unsupported");
                });
        // A GIF is an image, but not one we keep.
        assertThatThrownBy(() -> ReceiptScans.prepare("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(ReceiptRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.TYPE_UNSUPPORTED));
    }

    @Test
    void aDamagedPhotoOrOneWithAbsurdlyManyPixelsIsRefusedBeforeDecoding() {
        byte[] photo = ReceiptImages.photoWithExif(400, 300);
        byte[] cutOff = java.util.Arrays.copyOf(photo, 200);

        assertThatThrownBy(() -> ReceiptScans.prepare(cutOff))
                .isInstanceOfSatisfying(ReceiptRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.UNREADABLE));
        assertThatThrownBy(() -> ReceiptScans.prepare(ReceiptImages.pixelBomb()))
                .isInstanceOfSatisfying(ReceiptRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.UNREADABLE));
    }

    @Test
    void anUploadOverFiveMegabytesOrAnEmptyOneIsRefused() {
        byte[] tooLarge = new byte[ReceiptScans.MAX_UPLOAD_BYTES + 1];
        tooLarge[0] = (byte) 0xFF;
        tooLarge[1] = (byte) 0xD8;
        tooLarge[2] = (byte) 0xFF;

        assertThatThrownBy(() -> ReceiptScans.prepare(tooLarge))
                .isInstanceOfSatisfying(ReceiptRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThatThrownBy(() -> ReceiptScans.prepare(new byte[0]))
                .isInstanceOfSatisfying(ReceiptRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NONE));
    }
}
