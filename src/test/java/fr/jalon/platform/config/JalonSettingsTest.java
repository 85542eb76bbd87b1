package fr.jalon.platform.config;

import java.nio.file.Path;
import java.util.Map;

import io.helidon.config.Config;
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
}
