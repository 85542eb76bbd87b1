package fr.jalon.centers;

/** Complementary certifications a centre can be habilitated for (Pix Certif codes). */
public enum Habilitation {
    CLEA("CléA Numérique"),
    PIX_PLUS_DROIT("Pix+ Droit"),
    PIX_PLUS_EDU_1ER_DEGRE("Pix+ Édu 1er degré"),
    PIX_PLUS_EDU_2ND_DEGRE("Pix+ Édu 2nd degré"),
    PIX_PLUS_EDU_CPE("Pix+ Édu CPE"),
    PIX_PLUS_PRO_SANTE("Pix+ Pro Santé");

    private final String label;

    Habilitation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
