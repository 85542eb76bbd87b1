package fr.jalon.platform.config;

import java.util.Map;
import java.util.Optional;

/**
 * An SMTP server to send e-mails through. Safe by default: STARTTLS is required (no message goes
 * in clear if the server does not offer it) and the server's certificate must name its host;
 * {@code JALON_SMTP_STARTTLS=false} or {@code JALON_SMTP_CHECK_IDENTITY=false} turn either off
 * explicitly (a relay on the same machine, a test server).
 */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, boolean startTls,
                           boolean checkServerIdentity, String from) {

    /** Plain SMTP without TLS, as a local relay or a test server speaks it. */
    public static SmtpSettings plain(String host, int port, String from) {
        return new SmtpSettings(host, port, Optional.empty(), Optional.empty(), false, false, from);
    }

    /** From {@code JALON_SMTP_*}; empty without {@code JALON_SMTP_HOST} (e-mails then go to files). */
    public static Optional<SmtpSettings> from(Map<String, String> env) {
        String host = env.get("JALON_SMTP_HOST");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpSettings(host.strip(), Integer.parseInt(env.getOrDefault("JALON_SMTP_PORT", "587")),
                Optional.ofNullable(env.get("JALON_SMTP_USER")).filter(s -> !s.isBlank()),
                Optional.ofNullable(env.get("JALON_SMTP_PASSWORD")),
                !"false".equalsIgnoreCase(env.getOrDefault("JALON_SMTP_STARTTLS", "true").strip()),
                !"false".equalsIgnoreCase(env.getOrDefault("JALON_SMTP_CHECK_IDENTITY", "true").strip()),
                env.getOrDefault("JALON_MAIL_FROM", "ne-pas-repondre@jalon.local")));
    }
}
