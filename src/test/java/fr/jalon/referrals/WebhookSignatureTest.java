package fr.jalon.referrals;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"id\":\"1\",\"event\":\"referral.accepted\"}";

    @Test
    void theHeaderIsTheHmacOfTimestampDotBody() {
        // Known answer, computed independently: printf '1767225600.{"id":"1","event":"referral.accepted"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("t=1767225600,v1=f01a6b4cfb4bb7ed07937f1a72f58d62d7d4f63229ce135b043daa2fcf3b0a8d",
                WebhookSignature.header(SECRET, 1_767_225_600L, BODY));
    }

    @Test
    void aReceiverAcceptsTheRightSignatureAndRejectsTamperingStalenessAndOtherSecrets() {
        String header = WebhookSignature.header(SECRET, 1_000_000L, BODY);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, 1_000_100L, 300));
        assertFalse(WebhookSignature.verify(SECRET, header, BODY.replace("accepted", "refused"), 1_000_100L, 300));
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, 1_000_400L, 300), "too old: a replay");
        assertFalse(WebhookSignature.verify("whsec_other", header, BODY, 1_000_100L, 300));
        assertFalse(WebhookSignature.verify(SECRET, "v1=abc", BODY, 1_000_100L, 300), "no timestamp");
    }
}
