package fr.jalon.notifications;

import java.util.List;
import java.util.UUID;

/**
 * A rendered message, ready for a transport. {@code subject}, {@code html} and
 * {@code attachments} are for e-mails only.
 */
record Message(UUID id, String channel, String to, String from, String subject, String text, String html,
               List<Attachment> attachments) {

    /** A file attached to an e-mail. */
    record Attachment(String fileName, String contentType, byte[] content) {
    }

    Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The same message sent from another address (the SMTP account's). */
    Message from(String sender) {
        return new Message(id, channel, to, sender, subject, text, html, attachments);
    }
}
