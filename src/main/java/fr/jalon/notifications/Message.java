package fr.jalon.notifications;

import java.util.UUID;

/** A rendered message, ready for a transport. {@code html} is set for e-mails only. */
record Message(UUID id, String channel, String to, String from, String subject, String text, String html) {
}
