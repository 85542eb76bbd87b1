package fr.jalon.notifications;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * The development transport: every message becomes a file under {@code <data>/outbox/<date>/}
 * (the day in Paris):
 * e-mails as {@code .eml} (open them in any mail client), SMS and letters as {@code .txt}. A
 * newcomer sees every message without any server. Files are written then renamed, so a reader
 * never sees half a message.
 */
final class FileTransport implements Transport {

    /** Creating a mail session reads provider files: once, not per message. */
    private static final Session SESSION = Session.getInstance(new Properties());

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Path root;
    private final Clock clock;

    FileTransport(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    @Override
    public void send(Message message) throws Exception {
        Path dir = root.resolve(LocalDate.now(clock.withZone(PARIS)).toString());
        Files.createDirectories(dir);
        String base = message.id() + "-" + message.channel().toLowerCase(Locale.ROOT);
        Path target = dir.resolve(base + (message.channel().equals("EMAIL") ? ".eml" : ".txt"));
        Path partial = dir.resolve(base + ".part");
        if (message.channel().equals("EMAIL")) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 16 * 1024)) {
                mime(message, SESSION).writeTo(out);
            }
        } else {
            Files.writeString(partial, "À : " + message.to() + "\n\n" + message.text(), StandardCharsets.UTF_8);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static MimeMessage mime(Message message, Session session) throws Exception {
        MimeMessage mime = new MimeMessage(session) {
            /** A Message-ID of the notification itself: a message sent twice (a lost lease) is one for the receiver. */
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + message.id() + "@jalon.local>");
            }
        };
        mime.setFrom(new InternetAddress(message.from()));
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.to()));
        mime.setSubject(message.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(message.html(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (message.attachments().isEmpty()) {
            mime.setContent(alternative);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (Message.Attachment attachment : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(
                        new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }
}
