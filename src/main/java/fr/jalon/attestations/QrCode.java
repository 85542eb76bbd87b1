package fr.jalon.attestations;

import com.itextpdf.barcodes.exceptions.WriterException;
import com.itextpdf.barcodes.qrcode.ByteMatrix;
import com.itextpdf.barcodes.qrcode.QRCodeWriter;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;

/**
 * The QR code of a verification address as a 1-bit image of one pixel per module, quiet zone of
 * four modules included. A few hundred bytes per page; the PDF viewer enlarges it without
 * smoothing, so modules stay crisp at any size.
 */
final class QrCode {

    private QrCode() {
    }

    /** Modules as DeviceGray bits, 1 for white, rows padded to whole bytes. */
    static ImageData of(String text) {
        ByteMatrix modules;
        try {
            // Width and height 1: one pixel per module; the writer adds the quiet zone.
            modules = new QRCodeWriter().encode(text, 1, 1);
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for this address", e);
        }
        int side = modules.getWidth();
        int rowBytes = (side + 7) / 8;
        byte[] bits = new byte[rowBytes * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                // The writer marks dark modules 0 and light ones 255.
                if (modules.get(x, y) != 0) {
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return ImageDataFactory.create(side, side, 1, 1, bits, null);
    }
}
