package fr.jalon.notifications;

/** A provider refused the message for good (a 4xx): retrying would fail the same way. */
final class PermanentFailure extends Exception {

    PermanentFailure(String reason) {
        super(reason);
    }
}
