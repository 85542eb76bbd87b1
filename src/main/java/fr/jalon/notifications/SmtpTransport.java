package fr.jalon.notifications;

import java.util.Properties;

import fr.jalon.platform.config.SmtpSettings;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
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
        Properties p = properties(settings);
        this.session = settings.user().isPresent()
                ? Session.getInstance(p, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(settings.user().get(), settings.password().orElse(""));
                    }
                })
                : Session.getInstance(p);
    }

    /** The session's properties: STARTTLS required and the server's identity checked unless turned off. */
    static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", String.valueOf(settings.checkServerIdentity()));
        p.setProperty("mail.smtp.auth", String.valueOf(settings.user().isPresent()));
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "10000");
        p.setProperty("mail.smtp.writetimeout", "10000");
        return p;
    }

    /** One connection for many messages (a new one per message halved throughput); reopened when lost. */
    private jakarta.mail.Transport connection;

    @Override
    public synchronized void send(Message message) throws Exception {
        MimeMessage mime = FileTransport.mime(message.from(settings.from()), session);
        try {
            connected().sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            disconnect();
            throw e;
        }
    }

    private jakarta.mail.Transport connected() throws MessagingException {
        if (connection == null || !connection.isConnected()) {
            disconnect();
            connection = session.getTransport("smtp");
            connection.connect();
        }
        return connection;
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException e) {
                // Already broken: nothing left to close.
            }
            connection = null;
        }
    }
}
