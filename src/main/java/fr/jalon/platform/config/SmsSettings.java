package fr.jalon.platform.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** An HTTP SMS provider: where to POST, the bearer token, the sender name, and how long to wait. */
public record SmsSettings(String url, String token, String sender, Duration timeout) {

    /** From {@code JALON_SMS_*}; empty without {@code JALON_SMS_URL} (SMS then go to files). */
    public static Optional<SmsSettings> from(Map<String, String> env) {
        String url = env.get("JALON_SMS_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SmsSettings(url.strip(), env.getOrDefault("JALON_SMS_TOKEN", ""),
                env.getOrDefault("JALON_SMS_SENDER", "Jalon"), Duration.ofSeconds(10)));
    }
}
