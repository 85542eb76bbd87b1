package fr.jalon.platform.codes;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The codes of DESIGN.md. Alphabets leave out look-alike characters (0/O, 1/I/L, 5/S…) because
 * people copy these codes by hand from paper.
 */
public final class CodeGenerator {

    static final String ACCESS_LETTERS = "BCDFGHJKMPQRTVWXY";
    static final String ACCESS_DIGITS = "2346789";
    static final String INVIGILATOR_ALPHABET = "23456789bcdfghjkmpqrstvwxyBCDFGHJKMPQRSTVWXY!*?";
    static final String VERIFICATION_ALPHABET = "2346789BCDFGHJKMPQRTVWXY";
    static final String CAMPAIGN_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
    static final String CAMPAIGN_DIGITS = "23456789";

    private final RandomGenerator random;

    public CodeGenerator() {
        this(new SecureRandom());
    }

    public CodeGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** Session access code for candidates: 4 letters + 2 digits, e.g. {@code BCDF23}. */
    public String sessionAccessCode() {
        return pick(ACCESS_LETTERS, 4) + pick(ACCESS_DIGITS, 2);
    }

    /** Invigilator password: 6 distinct characters; printed with {@link #printedInvigilatorPassword}. */
    public String invigilatorPassword() {
        return distinct(INVIGILATOR_ALPHABET, 6);
    }

    public static String printedInvigilatorPassword(String password) {
        return "C-" + password;
    }

    /**
     * Attestation verification code: {@code P-} + 10 distinct characters (24!/14! ≈ 7 × 10¹³
     * codes, against scans). Codes issued before with 8 characters stay valid: lookups are by the
     * whole code.
     */
    public String verificationCode() {
        return "P-" + distinct(VERIFICATION_ALPHABET, 10);
    }

    /** Campaign code: 6 letters + 3 digits. */
    public String campaignCode() {
        return pick(CAMPAIGN_LETTERS, 6) + pick(CAMPAIGN_DIGITS, 3);
    }

    private String pick(String alphabet, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private String distinct(String alphabet, int length) {
        StringBuilder pool = new StringBuilder(alphabet);
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int index = random.nextInt(pool.length());
            code.append(pool.charAt(index));
            pool.deleteCharAt(index);
        }
        return code.toString();
    }
}
