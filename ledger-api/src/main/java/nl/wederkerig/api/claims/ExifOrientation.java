package nl.wederkerig.api.claims;

import java.awt.image.BufferedImage;

/**
 * A phone stores a photo as the sensor saw it and writes in its EXIF block how to turn it for
 * viewing (the Orientation tag, 1 to 8). Re-encoding drops all metadata, on purpose (GPS, serials),
 * so the turn must be made in the pixels first, or an upright receipt is kept lying on its side.
 * A few lines of parsing instead of a metadata library: only IFD0's tag 0x0112 is read; anything
 * unexpected (no EXIF, a cut-off block, an odd value) means "as stored" (1).
 */
final class ExifOrientation {

    static final int AS_STORED = 1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The Orientation tag of a JPEG's EXIF block, 1 to 8; 1 when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        try {
            int at = 2; // after the start-of-image marker
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = u16(jpeg, at + 2, false);
                if (marker == 0xDA || marker == 0xD9 || length < 2) {
                    return AS_STORED; // the pixels begin: no EXIF before them
                }
                if (marker == 0xE1 && length >= 8 && isExifHeader(jpeg, at + 4)) {
                    return fromTiff(jpeg, at + 10, Math.min(jpeg.length, at + 2 + length));
                }
                at += 2 + length;
            }
        } catch (ArrayIndexOutOfBoundsException cutOff) {
            return AS_STORED;
        }
        return AS_STORED;
    }

    private static boolean isExifHeader(byte[] bytes, int at) {
        return bytes[at] == 'E' && bytes[at + 1] == 'x' && bytes[at + 2] == 'i' && bytes[at + 3] == 'f'
                && bytes[at + 4] == 0 && bytes[at + 5] == 0;
    }

    private static int fromTiff(byte[] bytes, int tiff, int end) {
        boolean little = bytes[tiff] == 'I' && bytes[tiff + 1] == 'I';
        if (!little && !(bytes[tiff] == 'M' && bytes[tiff + 1] == 'M')) {
            return AS_STORED;
        }
        long ifd = u32(bytes, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return AS_STORED;
        }
        int entries = u16(bytes, (int) (tiff + ifd), little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) (tiff + ifd + 2 + 12L * i);
            if (entry + 12 > end) {
                return AS_STORED;
            }
            if (u16(bytes, entry, little) == ORIENTATION_TAG) {
                int value = u16(bytes, entry + 8, little);
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    private static int u16(byte[] bytes, int at, boolean little) {
        int a = bytes[at] & 0xFF;
        int b = bytes[at + 1] & 0xFF;
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private static long u32(byte[] bytes, int at, boolean little) {
        long high = u16(bytes, little ? at + 2 : at, little);
        long low = u16(bytes, little ? at : at + 2, little);
        return (high << 16) | low;
    }

    /** The image turned (and mirrored, for 2, 4, 5, 7) as the tag says it is to be viewed. */
    static BufferedImage upright(BufferedImage stored, int orientation) {
        if (orientation <= AS_STORED || orientation > 8) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage upright = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                // For each pixel shown, the pixel stored (the inverse of the tag's turn).
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                upright.setRGB(x, y, stored.getRGB(sx, sy));
            }
        }
        return upright;
    }
}
