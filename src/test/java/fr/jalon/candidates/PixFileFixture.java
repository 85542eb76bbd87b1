package fr.jalon.candidates;

import java.nio.charset.StandardCharsets;

/** The current Pix Certif import header, shared by tests and benchmarks. */
public final class PixFileFixture {

    public static final String HEADER = ImportHttpTest.HEADER;

    private PixFileFixture() {
    }

    /** A file of one new session in this site and room, with one candidate born in Mont-de-Marsan. */
    public static byte[] oneCandidate(String site, String room, String day, String birthName, String firstName,
                                      String birthDate) {
        return ("\uFEFF" + HEADER + "\r\n;" + site + ";" + room + ";" + day + ";10:00;Marie Lafitte;;" + birthName + ";"
                + firstName + ";" + birthDate + ";F;40192;;;France;;;;;Gratuite;;\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
