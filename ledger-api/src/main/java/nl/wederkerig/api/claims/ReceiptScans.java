package nl.wederkerig.api.claims;

import nl.wederkerig.api.claims.ReceiptRefused.Reason;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Turns an uploaded receipt file into what is kept: a photo (JPEG or PNG) decoded and drawn anew as
 * a JPEG of at most {@link #MAX_SIDE_PX} on its longest side, which leaves every piece of metadata
 * behind (EXIF with the phone's GPS position, the camera's serial, the time), once the photo is turned
 * upright as its EXIF Orientation says; a PDF as it came.
 * The kind is judged by the file's first bytes only: a name or a declared type is the sender's
 * claim, and an HTML page named bon.jpg must never be served back as anything. Plain code without
 * Spring, testable alone.
 */
public final class ReceiptScans {

    /** Largest upload taken, as the multipart limit in application.yml: a phone photo at full size. */
    public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    /** Largest receipt kept: a scaled photo is far below it; a PDF over it is refused. */
    public static final int MAX_STORED_BYTES = 2 * 1024 * 1024;
    /** Longest side of a kept photo: a till receipt stays readable, a photo of a face is of little use. */
    public static final int MAX_SIDE_PX = 1600;
    /** Most files with one claim. */
    public static final int MAX_RECEIPTS_PER_CLAIM = 5;
    /**
     * Most pixels a photo may claim to have before it is decoded: a 5 MB PNG of one colour can say
     * 30,000 × 30,000, which would take gigabytes once decoded. 50 megapixels covers any phone.
     */
    static final long MAX_SOURCE_PIXELS = 50_000_000L;

    public static final String JPEG = "image/jpeg";
    public static final String PDF = "application/pdf";

    private static final float[] QUALITIES = {0.85f, 0.7f, 0.5f};

    private ReceiptScans() {
    }

    /** A receipt ready to keep: its bytes and their type, at most {@link #MAX_STORED_BYTES}. */
    public record Scan(String contentType, byte[] bytes) {
        public Scan {
            if (bytes.length == 0 || bytes.length > MAX_STORED_BYTES) {
                throw new IllegalArgumentException("a kept receipt holds 1 to " + MAX_STORED_BYTES + " bytes");
            }
        }
    }

    /** The file as it is kept, or {@link ReceiptRefused} saying why not. */
    public static Scan prepare(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new ReceiptRefused(Reason.NONE, "the receipt file is empty");
        }
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw new ReceiptRefused(Reason.TOO_LARGE, "a receipt file holds at most 5 MB");
        }
        if (startsWith(upload, PDF_MAGIC)) {
            if (upload.length > MAX_STORED_BYTES) {
                throw new ReceiptRefused(Reason.TOO_LARGE, "a PDF receipt holds at most 2 MB; send a photo of the receipt instead");
            }
            return new Scan(PDF, upload.clone());
        }
        if (startsWith(upload, JPEG_MAGIC) || startsWith(upload, PNG_MAGIC)) {
            return new Scan(JPEG, scaled(upload));
        }
        throw new ReceiptRefused(Reason.TYPE_UNSUPPORTED, "a receipt is a photo (JPEG or PNG) or a PDF");
    }

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] scaled(byte[] upload) {
        BufferedImage photo = decode(upload);
        // Turned upright before the metadata that says how to turn it is left behind.
        int orientation = startsWith(upload, JPEG_MAGIC) ? ExifOrientation.of(upload) : ExifOrientation.AS_STORED;
        BufferedImage kept = ExifOrientation.upright(redrawn(photo), orientation);
        for (float quality : QUALITIES) {
            byte[] jpeg = jpeg(kept, quality);
            if (jpeg.length <= MAX_STORED_BYTES) {
                return jpeg;
            }
        }
        // 1600 × 1600 pixels at quality 0.5 stay far below 2 MB; reaching here means a broken encoder.
        throw new IllegalStateException("a scaled receipt stayed over " + MAX_STORED_BYTES + " bytes");
    }

    /**
     * Decodes the photo, reading only every n-th pixel of a large one (a 4000 px photo is read at
     * 2000 px): less memory, and the scaling after it has less to do. The size is checked from the
     * header before a single pixel is decoded.
     */
    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ReceiptRefused(Reason.UNREADABLE, "the photo cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // true: skip metadata, it is never kept
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_SOURCE_PIXELS) {
                    throw new ReceiptRefused(Reason.UNREADABLE, "the photo has more pixels than a receipt needs");
                }
                int step = (int) Math.max(1, Math.max(width, height) / MAX_SIDE_PX);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ReceiptRefused refused) {
                throw refused;
            }
            // A cut-off or damaged file, or a JPEG in colours ImageIO does not read (CMYK).
            throw new ReceiptRefused(Reason.UNREADABLE, "the photo cannot be read");
        }
    }

    /** Drawn anew in RGB on white (a PNG's transparency becomes white), at most MAX_SIDE_PX on its longest side. */
    private static BufferedImage redrawn(BufferedImage photo) {
        double factor = Math.min(1.0, (double) MAX_SIDE_PX / Math.max(photo.getWidth(), photo.getHeight()));
        int width = Math.max(1, (int) Math.round(photo.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(photo.getHeight() * factor));
        BufferedImage kept = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = kept.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(photo, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return kept;
    }

    /** A baseline JPEG with no metadata at all: the writer is given the pixels only. */
    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a receipt in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
