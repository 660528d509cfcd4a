package nl.wederkerig.api.claims;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Receipt files for tests: phone-like photos with EXIF, PDFs with a marker, files that lie about their kind. */
final class ReceiptImages {

    /** Stands for the phone's GPS position in the EXIF block: must never be kept. */
    static final String GPS_MARKER = "GPS-52.3731N-4.8922E-secret";

    private ReceiptImages() {
    }

    /** A JPEG of {@code width × height} with noise (so it is large, as a phone photo is) and an EXIF block holding {@link #GPS_MARKER}. */
    static byte[] photoWithExif(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = x * 191 / width;
                image.setRGB(x, y, new Color(base + noise.nextInt(64), (y * 191 / height) + noise.nextInt(64),
                        96 + noise.nextInt(64)).getRGB());
            }
        }
        return withExif(encode(image, "jpeg"));
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 0, 255, 128));
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        return encode(image, "png");
    }

    /** A small PDF holding {@code marker} in its text, and padded to at least {@code minBytes}. */
    static byte[] pdf(String marker, int minBytes) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ")
                .append(marker).append("\nBT (").append(marker).append(") Tj ET\n");
        while (pdf.length() < minBytes) {
            pdf.append("% padding padding padding padding padding padding padding\n");
        }
        return pdf.append("%%EOF\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] htmlNamedJpg() {
        return "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    /** The header of a PNG that says it has 30,000 × 30,000 pixels (and then ends): decoded, it would take gigabytes. */
    static byte[] pixelBomb() {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(30_000).putInt(30_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A phone's photo as its sensor saw it, 200 × 100, left half red and right half blue, with an EXIF
     * block whose Orientation tag says how to turn it for viewing (6: a quarter turn clockwise).
     */
    static byte[] sidewaysPhoto(int orientation, boolean littleEndian) {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, y, x < 100 ? Color.RED.getRGB() : Color.BLUE.getRGB());
            }
        }
        ByteBuffer tiff = ByteBuffer.allocate(26).order(littleEndian ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // one entry in IFD0
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] payload = ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff.array()).array();
        return withApp1(encode(image, "jpeg"), payload);
    }

    /** The JPEG with an APP1 "Exif" segment right after its start marker, as a phone writes it. */
    private static byte[] withExif(byte[] jpeg) {
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\bGPSInfo " + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        return withApp1(jpeg, payload);
    }

    private static byte[] withApp1(byte[] jpeg, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }
}
