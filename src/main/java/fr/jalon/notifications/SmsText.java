package fr.jalon.notifications;

/**
 * SMS length as operators bill it: GSM 03.38 text takes 160 characters in one message, 153 per
 * part when split (characters of the extension table count twice); anything else is sent as
 * UCS-2: 70, then 67 per part.
 */
public final class SmsText {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    /** Whether every character fits the GSM 7-bit alphabet (basic or extension table). */
    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** Number of SMS parts the text needs. */
    public static int segments(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        if (isGsm7(text)) {
            int septets = text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
