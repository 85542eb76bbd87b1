package fr.jalon.platform.config;

import java.nio.file.Path;
import java.util.Map;

import io.helidon.config.Config;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JalonSettingsTest {

    @Test
    void defaultsToTheEmbeddedDatabaseWithDemoData() {
        JalonSettings settings = JalonSettings.from(Config.empty(), Map.of());
        assertTrue(settings.embeddedDatabase());
        assertTrue(settings.demoData());
        assertEquals(8080, settings.port());
        assertEquals(Path.of("./data"), settings.dataDir());
    }

    @Test
    void environmentSelectsAnExternalDatabaseWithoutDemoData() {
        JalonSettings settings = JalonSettings.from(Config.empty(), Map.of(
                "JALON_DB_URL", "jdbc:postgresql://db:5432/jalon",
                "JALON_DB_USER", "jalon_app",
                "JALON_DB_PASSWORD", "secret",
                "JALON_PUBLIC_URL", "https://jalon.example.fr",
                "JALON_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "JALON_PORT", "9090",
                "JALON_DATA_DIR", "/var/lib/jalon"));
        assertFalse(settings.embeddedDatabase());
        assertFalse(settings.demoData());
        assertEquals("jalon_app", settings.externalDb().orElseThrow().user());
        assertEquals(9090, settings.port());
        assertEquals(Path.of("/var/lib/jalon"), settings.dataDir());
    }

    @Test
    void bootstrapTokenComesFromTheEnvironment() {
        assertEquals("jal_from_env_0123456789abcdef",
                JalonSettings.from(Config.empty(), Map.of("JALON_BOOTSTRAP_TOKEN", "jal_from_env_0123456789abcdef"))
                        .bootstrapToken().orElseThrow());
    }

    /** Production refuses to start without the public address (QR codes are for good) or the secret key. */
    @Test
    void anExternalDatabaseNeedsThePublicUrlAndASecretKey() {
        IllegalArgumentException noUrl = Assertions.assertThrows(IllegalArgumentException.class,
                () -> JalonSettings.from(Config.empty(), Map.of("JALON_DB_URL", "jdbc:postgresql://db:5432/jalon",
                        "JALON_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
        assertTrue(noUrl.getMessage().contains("JALON_PUBLIC_URL"), noUrl.getMessage());
        IllegalArgumentException noKey = Assertions.assertThrows(IllegalArgumentException.class,
                () -> JalonSettings.from(Config.empty(), Map.of("JALON_DB_URL", "jdbc:postgresql://db:5432/jalon",
                        "JALON_PUBLIC_URL", "https://jalon.example.fr")));
        assertTrue(noKey.getMessage().contains("JALON_SECRET_KEY"), noKey.getMessage());
        assertEquals("http://localhost:8080", JalonSettings.from(Config.empty(), Map.of()).publicUrl(),
                "embedded (demo) mode keeps the local address");
    }

    /** SMTP is safe by default: STARTTLS required and the server identity checked, unless turned off explicitly. */
    @Test
    void smtpRequiresStartTlsAndChecksTheServerByDefault() {
        SmtpSettings smtp = SmtpSettings.from(Map.of("JALON_SMTP_HOST", "smtp.example.fr")).orElseThrow();
        assertTrue(smtp.startTls());
        assertTrue(smtp.checkServerIdentity());
        SmtpSettings relay = SmtpSettings.from(Map.of("JALON_SMTP_HOST", "localhost", "JALON_SMTP_STARTTLS", "false",
                "JALON_SMTP_CHECK_IDENTITY", "false")).orElseThrow();
        assertFalse(relay.startTls());
        assertFalse(relay.checkServerIdentity());
    }
}
