package fr.jalon.attestations;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;

/**
 * The QR code of a verification address as a 1-bit image of one pixel per module, with the
 * quiet zone scanners need around it. A few hundred bytes per page; the PDF viewer enlarges it
 * without smoothing, so modules stay crisp at any size.
 */
final class QrCode {

    static final int QUIET_MODULES = 4;

    private QrCode() {
    }

    /** Modules as DeviceGray bits, 1 for white, rows padded to whole bytes. */
    static ImageData of(String text) {
        BarcodeQRCode qr = new BarcodeQRCode(text);
        java.awt.Image modules = qr.createAwtImage(Color.BLACK, Color.WHITE);
        int size = modules.getWidth(null);
        BufferedImage grid = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = grid.createGraphics();
        try {
            g.drawImage(modules, 0, 0, null);
        } finally {
            g.dispose();
        }
        int side = size + 2 * QUIET_MODULES;
        int rowBytes = (side + 7) / 8;
        byte[] bits = new byte[rowBytes * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean inCode = x >= QUIET_MODULES && y >= QUIET_MODULES && x < size + QUIET_MODULES
                        && y < size + QUIET_MODULES;
                boolean dark = inCode && (grid.getRGB(x - QUIET_MODULES, y - QUIET_MODULES) & 0xFFFFFF) == 0;
                if (!dark) {
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return ImageDataFactory.create(side, side, 1, 1, bits, null);
    }
}
