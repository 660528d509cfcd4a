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
    void aPhotoTaggedToBeTurnedAQuarterClockwiseIsKeptUprightWithoutItsExif() {
        for (boolean littleEndian : new boolean[]{true, false}) {
            Scan kept = ReceiptScans.prepare(ReceiptImages.sidewaysPhoto(6, littleEndian));

            BufferedImage image = ReceiptImages.decode(kept.bytes());
            assertThat(image.getWidth()).isEqualTo(100);
            assertThat(image.getHeight()).isEqualTo(200);
            assertThat(colour(image, 50, 30)).as("the sensor's left side is now on top").isEqualTo("red");
            assertThat(colour(image, 50, 170)).isEqualTo("blue");
            assertThat(ReceiptImages.indexOf(kept.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        }
    }

    @Test
    void theOtherTurnsOfTheTagAreMadeToo() {
        BufferedImage halfTurn = ReceiptImages.decode(ReceiptScans.prepare(ReceiptImages.sidewaysPhoto(3, false)).bytes());
        assertThat(halfTurn.getWidth()).isEqualTo(200);
        assertThat(colour(halfTurn, 30, 50)).isEqualTo("blue");
        BufferedImage quarterBack = ReceiptImages.decode(ReceiptScans.prepare(ReceiptImages.sidewaysPhoto(8, true)).bytes());
        assertThat(quarterBack.getHeight()).isEqualTo(200);
        assertThat(colour(quarterBack, 50, 30)).as("the sensor's right side is now on top").isEqualTo("blue");
        BufferedImage asStored = ReceiptImages.decode(ReceiptScans.prepare(ReceiptImages.sidewaysPhoto(1, true)).bytes());
        assertThat(asStored.getWidth()).isEqualTo(200);
        assertThat(colour(asStored, 30, 50)).isEqualTo("red");
    }

    private static String colour(BufferedImage image, int x, int y) {
        java.awt.Color pixel = new java.awt.Color(image.getRGB(x, y));
        return pixel.getRed() > 200 && pixel.getBlue() < 60 ? "red" : pixel.getBlue() > 200 && pixel.getRed() < 60 ? "blue" : "other";
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
