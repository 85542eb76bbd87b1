package fr.jalon.referrals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Jalon-Signature} header of webhooks: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">} with the organisation's secret. The timestamp inside the signed text stops replays of
 * an old delivery; receivers compare in constant time.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    /** As a receiver checks it: well formed, fresh within {@code toleranceSeconds}, and matching. */
    public static boolean verify(String secret, String header, String body, long nowUnixSeconds, long toleranceSeconds) {
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null || Math.abs(nowUnixSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
