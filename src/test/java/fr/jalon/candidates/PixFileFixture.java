package fr.jalon.candidates;

/** The current Pix Certif import header, shared by tests and benchmarks. */
public final class PixFileFixture {

    public static final String HEADER = ImportHttpTest.HEADER;

    private PixFileFixture() {
    }
}
