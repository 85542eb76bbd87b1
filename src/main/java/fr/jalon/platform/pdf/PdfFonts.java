package fr.jalon.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;

/**
 * The fonts of Jalon's PDFs, read once from the jar. A PdfFont belongs to one document, so each
 * document asks for its own; the subset of the glyphs it uses is embedded once per document.
 */
public final class PdfFonts {

    // Parsed once (parsing a TrueType file per document was most of a page's cost); each document
    // still gets its own PdfFont, which embeds the subset of glyphs that document uses.
    private static final FontProgram REGULAR = program("/fonts/DejaVuSans.ttf");
    private static final FontProgram BOLD = program("/fonts/DejaVuSans-Bold.ttf");

    /** The regular and bold faces for one document. */
    public record Faces(PdfFont regular, PdfFont bold) {
    }

    private PdfFonts() {
    }

    public static Faces forDocument() {
        return new Faces(font(REGULAR), font(BOLD));
    }

    private static PdfFont font(FontProgram program) {
        return PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
    }

    private static FontProgram program(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return FontProgramFactory.createFont(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
