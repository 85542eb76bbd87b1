package fr.jalon.attestations;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;

import com.itextpdf.barcodes.BarcodeQRCode;

/**
 * The QR code of a verification address as a raster image: crisp black modules, the quiet zone
 * scanners need around them, and enough pixels per module to print at the size of a stamp.
 */
final class QrCode {

    private static final int PIXELS_PER_MODULE = 6;
    private static final int QUIET_MODULES = 4;

    private QrCode() {
    }

    static BufferedImage of(String text) {
        BarcodeQRCode qr = new BarcodeQRCode(text);
        Image modules = qr.createAwtImage(Color.BLACK, Color.WHITE);
        int size = modules.getWidth(null);
        int side = (size + 2 * QUIET_MODULES) * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            // Nearest neighbour (the default for drawImage scaling): no grey edges between modules.
            g.drawImage(modules, QUIET_MODULES * PIXELS_PER_MODULE, QUIET_MODULES * PIXELS_PER_MODULE,
                    size * PIXELS_PER_MODULE, size * PIXELS_PER_MODULE, null);
        } finally {
            g.dispose();
        }
        return image;
    }
}
