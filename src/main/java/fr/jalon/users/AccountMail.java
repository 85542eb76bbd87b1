package fr.jalon.users;

import java.util.UUID;

/**
 * How the users feature hands an e-mail over (a password link): the notifications' transport,
 * wired by the application, so that users does not depend on notifications.
 */
@FunctionalInterface
public interface AccountMail {

    /** {@code id} names the message (the outbox file, the log line); throws when it could not be handed over. */
    void send(UUID id, String to, String subject, String text, String html) throws Exception;
}
