package fr.jalon.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.jalon.platform.calendar.ICalendar;
import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.platform.text.FrenchDates;

/**
 * Turns a notification into the message of its channel: e-mail (subject, text and HTML parts,
 * with the calendar event and the PDF convocation attached where useful), SMS, or printable
 * letter. Rendered when sent, so a message always shows the session as it is then.
 */
final class MessageComposer {

    private static final String NO_REPLY = "ne-pas-repondre@jalon.local";
    /** SEQUENCE of calendar events: minutes since this epoch, so every later revision wins. */
    private static final Instant SEQUENCE_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final TemplateRenderer templates;
    private final Notifications.AttestationSource attestations;

    MessageComposer(TemplateRenderer templates, Notifications.AttestationSource attestations) {
        this.templates = templates;
        this.attestations = attestations;
    }

    Message compose(DueNotification n, Instant now) {
        MessageCatalogue.Kind kind = n.messageKind();
        Map<String, Object> model = model(n);
        String from = n.centreEmail() == null ? NO_REPLY : n.centreEmail();
        return switch (n.channel()) {
            case "EMAIL" -> new Message(n.id(), "EMAIL", n.email(), from, templates.render(kind.subject(), model).strip(),
                    templates.render(kind.text(), model), templates.render(kind.html(), model),
                    attachments(n, kind, model, now));
            case "SMS" -> new Message(n.id(), "SMS", n.mobile(), from, null,
                    SmsText.toGsm7(templates.render(kind.sms(), model).strip()), null, List.of());
            default -> new Message(n.id(), "LETTER", n.postalAddress(), from, null, templates.render(kind.letter(), model),
                    null, List.of());
        };
    }

    /** The printable letter of a notification, dated {@code day}. */
    LetterPdf.Letter letter(DueNotification n, LocalDate day) {
        List<String> sender = new ArrayList<>();
        sender.add(n.centre());
        if (n.centrePhone() != null) {
            sender.add("Tél. " + Contact.national(n.centrePhone()));
        }
        if (n.centreEmail() != null) {
            sender.add(n.centreEmail());
        }
        List<String> recipient = new ArrayList<>();
        recipient.add(n.firstName() + " " + n.birthName());
        if (n.postalAddress() != null) {
            recipient.addAll(Arrays.stream(n.postalAddress().split("\n")).filter(line -> !line.isBlank()).toList());
        }
        return new LetterPdf.Letter(sender, recipient, "Le " + FrenchDates.date(day),
                templates.render(n.messageKind().letter(), model(n)));
    }

    private List<Message.Attachment> attachments(DueNotification n, MessageCatalogue.Kind kind, Map<String, Object> model,
                                                 Instant now) {
        List<Message.Attachment> files = new ArrayList<>();
        switch (kind.attachments()) {
            case CALENDAR -> files.add(calendar(n, ICalendar.Method.PUBLISH, now));
            case CANCELLED_CALENDAR -> files.add(calendar(n, ICalendar.Method.CANCEL, now));
            case CALENDAR_AND_LETTER -> {
                files.add(calendar(n, ICalendar.Method.PUBLISH, now));
                files.add(new Message.Attachment("convocation-certification-pix.pdf", "application/pdf",
                        LetterPdf.render(List.of(letter(n, LocalDate.ofInstant(now, ZoneId.of("Europe/Paris")))))));
            }
            case ATTESTATION -> attestations.attestation(n.subjectId()).ifPresent(document ->
                    files.add(new Message.Attachment(document.fileName(), "application/pdf", document.pdf())));
            case NONE -> { }
        }
        return files;
    }

    /** One event per enrolment or assignment (its id is the UID): a later change or cancellation replaces it in the calendar. */
    private static Message.Attachment calendar(DueNotification n, ICalendar.Method method, Instant now) {
        String description = (n.messageKind().forInvigilators()
                ? "Surveillance de la session : arrivez 30 minutes avant le début pour préparer la salle."
                : "Apportez une pièce d'identité avec photo et arrivez 15 minutes avant le début.")
                + (n.centrePhone() == null ? "" : " Question : " + Contact.national(n.centrePhone()) + ".");
        ICalendar.Event event = new ICalendar.Event(n.subjectId() + "@jalon", n.startsAt(), n.endsAt(),
                (n.messageKind().forInvigilators() ? "Surveillance certification Pix — " : "Certification Pix — ") + n.site(), n.site() + ", " + n.room() + ", " + n.siteAddress(), description,
                Duration.between(SEQUENCE_EPOCH, now).toMinutes());
        return new Message.Attachment("certification-pix.ics", "text/calendar; charset=UTF-8; method=" + method.name(),
                ICalendar.of(method, List.of(event), now).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> model(DueNotification n) {
        if (n.messageKind().forAgents()) {
            DueNotification.Campaign c = n.campaign();
            return MessageCatalogue.campaign(n.firstName(), n.birthName(), c.name(), c.code(), c.url(), c.endsOn(),
                    n.centre());
        }
        Map<String, Object> model = new HashMap<>(MessageCatalogue.convocation(n.firstName(), n.birthName(), LocalDateTime.of(n.date(), n.startTime()),
                Duration.ofMinutes(n.durationMinutes()), n.site(), n.room(), n.siteAddress(), n.extraTimePercent(),
                n.centre(), n.centrePhone() == null ? "" : Contact.national(n.centrePhone()), n.postalAddress()));
        model.put("copieDestinataire", n.offsetKey().startsWith(NotificationRepository.RECIPIENT_COPY));
        return model;
    }
}
