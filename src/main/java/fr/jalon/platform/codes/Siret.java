package fr.jalon.platform.codes;

/**
 * SIREN (9 digits) and SIRET (14 digits) with their Luhn key. La Poste's establishments
 * (SIREN 356000000) do not follow Luhn: their SIRET digits sum to a multiple of 5 instead.
 */
public final class Siret {

    private static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    public static boolean isValidSiret(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            return siret.equals(LA_POSTE_SIREN + "00048") || digitSum(siret) % 5 == 0;
        }
        return luhn(siret) && luhn(siret.substring(0, 9));
    }

    public static boolean isValidSiren(String siren) {
        return siren != null && siren.matches("\\d{9}") && (siren.equals(LA_POSTE_SIREN) || luhn(siren));
    }

    /** Strips the spaces people type in: "362 521 879 00034". */
    public static String normalize(String value) {
        return value == null ? null : value.replaceAll("[\\s.]", "");
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = digits.length() % 2 == 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
