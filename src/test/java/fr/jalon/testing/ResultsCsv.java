package fr.jalon.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pix Certif session results exports for tests, written from the headers of DESIGN.md: the 2026
 * variant (« Type de certification », « Score en pix », « Niveau ») or the legacy one (« Nombre de
 * Pix »), with or without a complementary certification column; UTF-8 with a BOM, as Pix writes it.
 */
public final class ResultsCsv {

    private static final String COMPETENCES = "1.1;1.2;1.3;2.1;2.2;2.3;2.4;3.1;3.2;3.3;3.4;4.1;4.2;4.3;5.1;5.2";

    private final boolean legacy;
    private final boolean complementary;
    private final List<String> lines = new ArrayList<>();

    private ResultsCsv(boolean legacy, boolean complementary) {
        this.legacy = legacy;
        this.complementary = complementary;
    }

    /** The 2026 export with a « Certification CléA Numérique » column. */
    public static ResultsCsv v2026() {
        return new ResultsCsv(false, true);
    }

    /** The legacy export: « Nombre de Pix », no certification type, no complementary column. */
    public static ResultsCsv legacy() {
        return new ResultsCsv(true, false);
    }

    public String header() {
        return "Numéro de certification;Prénom;Nom;Date de naissance;Lieu de naissance;Identifiant Externe;"
                + (legacy ? "" : "Type de certification;") + "Statut;"
                + (complementary ? "Certification CléA Numérique;" : "")
                + (legacy ? "Nombre de Pix;" : "Score en pix;Niveau;") + COMPETENCES
                + ";Commentaire jury pour l'organisation;Session;Centre de certification;Date de passage de la certification";
    }

    /** A row; {@code levels} is 16 values separated by ';' (use {@link #levels} or {@link #noLevels}). */
    public ResultsCsv row(String number, String firstName, String lastName, String birthDate, String status, String score,
                          String levels, String clea, String comment, long session) {
        lines.add(String.join(";", List.of(number, firstName, lastName, birthDate, "Mont-de-Marsan (40)", "")) + ";"
                + (legacy ? "" : "Pix;") + status + ";" + (complementary ? clea + ";" : "")
                + (legacy ? score + ";" : score + ";" + (score.equals("-") ? "-" : "3") + ";") + levels + ";"
                + comment + ";" + session + ";Agence départementale d'inclusion numérique;03/03/2026");
        return this;
    }

    /** Sixteen levels from a repeated pattern, e.g. levels(3) → 3;3;…;3. */
    public static String levels(int level) {
        return String.join(";", Collections.nCopies(16, String.valueOf(level)));
    }

    public static String noLevels() {
        return String.join(";", Collections.nCopies(16, "-"));
    }

    /** A certification number no other test uses (they are unique across the database). */
    public static String newNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    public String text() {
        return header() + "\r\n" + String.join("\r\n", lines) + "\r\n";
    }

    /** UTF-8 with a BOM. */
    public byte[] bytes() {
        byte[] body = text().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }
}
