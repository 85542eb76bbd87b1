package fr.jalon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Reads back the {@code .eml} files of the development outbox: the message, its attachments, its text part. */
public final class Mails {

    private static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    public static MimeMessage read(Path eml) throws IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(SESSION, in);
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    /** The file names of the attachments, in order. */
    public static List<String> attachmentNames(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        if (message.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).getFileName() != null) {
                    names.add(multipart.getBodyPart(i).getFileName());
                }
            }
        }
        return names;
    }

    /** The content of the attachment named {@code fileName}. */
    public static byte[] attachment(MimeMessage message, String fileName) throws Exception {
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            if (fileName.equals(mixed.getBodyPart(i).getFileName())) {
                try (InputStream in = mixed.getBodyPart(i).getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment " + fileName);
    }

    /** The plain-text alternative, decoded (bodies are quoted-printable on the wire). */
    public static String text(MimeMessage message) throws Exception {
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        MimeMultipart alternative = mixed.getBodyPart(0).getContent() instanceof MimeMultipart nested ? nested : mixed;
        return String.valueOf(alternative.getBodyPart(0).getContent());
    }
}
