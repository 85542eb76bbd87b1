package fr.jalon.notifications;

import java.util.Properties;

import fr.jalon.platform.config.SmtpSettings;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mails over SMTP (Angus Mail). Timeouts are short: a stalled server must not hold a delivery
 * batch, the message is simply retried later.
 */
final class SmtpTransport implements Transport {

    private final Session session;
    private final SmtpSettings settings;

    SmtpTransport(SmtpSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        p.setProperty("mail.smtp.auth", String.valueOf(settings.user().isPresent()));
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "10000");
        p.setProperty("mail.smtp.writetimeout", "10000");
        this.session = settings.user().isPresent()
                ? Session.getInstance(p, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(settings.user().get(), settings.password().orElse(""));
                    }
                })
                : Session.getInstance(p);
    }

    @Override
    public void send(Message message) throws Exception {
        MimeMessage mime = FileTransport.mime(message.from(settings.from()), session);
        jakarta.mail.Transport.send(mime);
    }
}
