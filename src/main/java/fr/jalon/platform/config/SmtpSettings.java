package fr.jalon.platform.config;

import java.util.Map;
import java.util.Optional;

/** An SMTP server to send e-mails through (TLS and authentication as the provider requires). */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, boolean startTls,
                           String from) {

    /** From {@code JALON_SMTP_*}; empty without {@code JALON_SMTP_HOST} (e-mails then go to files). */
    public static Optional<SmtpSettings> from(Map<String, String> env) {
        String host = env.get("JALON_SMTP_HOST");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpSettings(host.strip(), Integer.parseInt(env.getOrDefault("JALON_SMTP_PORT", "587")),
                Optional.ofNullable(env.get("JALON_SMTP_USER")).filter(s -> !s.isBlank()),
                Optional.ofNullable(env.get("JALON_SMTP_PASSWORD")),
                Boolean.parseBoolean(env.getOrDefault("JALON_SMTP_STARTTLS", "true")),
                env.getOrDefault("JALON_MAIL_FROM", "ne-pas-repondre@jalon.local")));
    }
}
