package fr.jalon.notifications;

import java.text.Normalizer;

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

    /**
     * The text in the GSM alphabet, so that it costs 160 characters a part instead of 70: typographic
     * dashes and quotes become plain ones, and letters outside the alphabet lose their accent
     * (« ê » → « e »; « é », « è », « à » stay, they are in it).
     */
    public static String toGsm7(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace("œ", "oe").replace("Œ", "OE").toCharArray()) {
            if (GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '—', '–', '‑' -> out.append('-');
                case '’', '‘', '‛' -> out.append('\'');
                case '«', '»', '“', '”' -> out.append('"');
                case '\u00a0', '\u202f' -> out.append(' ');
                case '…' -> out.append("...");
                default -> {
                    String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                            .replaceAll("\\p{M}", "");
                    out.append(plain.length() == 1 && GSM_BASIC.indexOf(plain.charAt(0)) >= 0 ? plain : "?");
                }
            }
        }
        return out.toString();
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
