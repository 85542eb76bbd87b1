package fr.jalon.notifications;

import java.util.Map;
import java.util.Properties;

import fr.jalon.platform.config.SmtpSettings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mail session refuses a server that will not speak TLS, and checks whom it speaks to. */
class SmtpTransportTest {

    @Test
    void startTlsIsRequiredAndTheServerIdentityCheckedByDefault() {
        Properties p = SmtpTransport.properties(SmtpSettings.from(Map.of("JALON_SMTP_HOST", "smtp.example.fr")).orElseThrow());
        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
    }

    @Test
    void aLocalRelayCanBeSpokenToInClearWhenSaidExplicitly() {
        Properties p = SmtpTransport.properties(SmtpSettings.plain("127.0.0.1", 2525, "jalon@example.org"));
        assertEquals("false", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("false", p.getProperty("mail.smtp.ssl.checkserveridentity"));
    }
}
