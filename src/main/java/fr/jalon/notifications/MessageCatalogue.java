package fr.jalon.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.platform.text.FrenchDates;

/**
 * The messages Jalon sends, their templates and the variables those templates may use. Every
 * template is rendered once at start-up with an example, so a typo in a reworded template stops
 * the service at once instead of failing a convocation at night.
 */
public final class MessageCatalogue {

    /** SMS longer than this cost more and are often cut by phones. */
    public static final int MAX_SMS_SEGMENTS = 2;

    /** What a message attaches to an e-mail. */
    enum Attachments { NONE, CALENDAR, CALENDAR_AND_LETTER, CANCELLED_CALENDAR, ATTESTATION }

    /**
     * A kind of message and its templates, one per channel, named after {@code base}:
     * {@code mail/<base>.subject.vm}, {@code .html.vm}, {@code .txt.vm}, {@code sms/<base>.vm}
     * and, for candidates, {@code letters/<base>.vm}.
     */
    public enum Kind {
        CONVOCATION("convocation", true, true, Attachments.CALENDAR_AND_LETTER),
        /** A seat freed up: the person moves from the waiting list and is convoked. */
        PROMOTED("promotion", true, true, Attachments.CALENDAR_AND_LETTER),
        REMINDER("reminder", true, false, Attachments.NONE),
        SESSION_CHANGED("session-changed", true, false, Attachments.CALENDAR_AND_LETTER),
        SESSION_CANCELLED("session-cancelled", true, false, Attachments.CANCELLED_CALENDAR),
        /** Planned by the invigilators feature; invigilators get no paper letter. */
        INVIGILATOR_ASSIGNED("invigilator-assigned", false, false, Attachments.CALENDAR),
        INVIGILATOR_REMINDER("invigilator-reminder", false, false, Attachments.NONE),
        /** After finalization, to an absent or excused candidate: another session is offered. */
        NO_SHOW("absence", true, false, Attachments.NONE),
        /** Results imported: to the candidate, and a copy to the result recipient, with the attestation. */
        RESULTS_AVAILABLE("results", true, false, Attachments.ATTESTATION),
        /** To an agent invited to a local authority's skills campaign: its Pix code and link (e-mail only). */
        CAMPAIGN_INVITATION("campaign-invitation", false, false, Attachments.NONE),
        /** To an invited agent who has not started after some days, before the campaign closes. */
        CAMPAIGN_REMINDER("campaign-reminder", false, false, Attachments.NONE);

        private final String base;
        private final boolean letters;
        private final boolean convokes;
        private final Attachments attachments;

        Kind(String base, boolean letters, boolean convokes, Attachments attachments) {
            this.base = base;
            this.letters = letters;
            this.convokes = convokes;
            this.attachments = attachments;
        }

        public List<String> templates() {
            if (forAgents()) {
                return List.of(subject(), html(), text());
            }
            return letters ? List.of(subject(), html(), text(), sms(), letter()) : List.of(subject(), html(), text(), sms());
        }

        /** To an agent about a campaign: e-mail only, no session. */
        public boolean forAgents() {
            return this == CAMPAIGN_INVITATION || this == CAMPAIGN_REMINDER;
        }

        public String subject() {
            return "mail/" + base + ".subject.vm";
        }

        public String html() {
            return "mail/" + base + ".html.vm";
        }

        public String text() {
            return "mail/" + base + ".txt.vm";
        }

        public String sms() {
            return "sms/" + base + ".vm";
        }

        public String letter() {
            if (!letters) {
                throw new IllegalStateException(name() + " is never sent by post");
            }
            return "letters/" + base + ".vm";
        }

        public boolean forInvigilators() {
            return this == INVIGILATOR_ASSIGNED || this == INVIGILATOR_REMINDER;
        }

        /** Sent once the session is over (it speaks of what happened). */
        public boolean afterSession() {
            return this == NO_SHOW || this == RESULTS_AVAILABLE;
        }

        /** A reminder whose offset key ends with the session's date. */
        public boolean reminds() {
            return this == REMINDER || this == INVIGILATOR_REMINDER;
        }

        /** Sending it convokes the enrolment (its status becomes CONVOKED). */
        public boolean convokes() {
            return convokes;
        }

        Attachments attachments() {
            return attachments;
        }
    }

    private final TemplateRenderer renderer;

    public MessageCatalogue(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** Variables of a convocation, in French as the templates use them. */
    public static Map<String, Object> convocation(String firstName, String birthName, LocalDateTime when,
                                                  Duration length, String site, String room, String address,
                                                  Integer extraTimePercent, String centre, String phone,
                                                  String recipientAddress) {
        return Map.ofEntries(
                Map.entry("prenom", firstName), Map.entry("nom", birthName),
                Map.entry("quand", FrenchDates.dateTime(when)),
                Map.entry("quandCourt", when.getDayOfMonth() + "/" + when.getMonthValue() + " à "
                        + FrenchDates.time(when.getHour(), when.getMinute())),
                Map.entry("duree", FrenchDates.duration(length)), Map.entry("lieu", site), Map.entry("salle", room),
                Map.entry("adresse", address),
                Map.entry("aTempsMajore", extraTimePercent != null && extraTimePercent > 0),
                Map.entry("tempsMajore", extraTimePercent == null ? "" : extraTimePercent.toString()),
                Map.entry("centre", centre), Map.entry("telephone", phone),
                Map.entry("adresseDestinataire", recipientAddress == null ? "" : recipientAddress),
                // The results' copy to the person named by the candidate (trainer, adviser) speaks of them.
                Map.entry("copieDestinataire", false));
    }

    /** Variables of a campaign message, in French as the templates use them. */
    public static Map<String, Object> campaign(String firstName, String birthName, String campaign, String code,
                                               String link, LocalDate endsOn, String authority) {
        return Map.ofEntries(Map.entry("prenom", firstName), Map.entry("nom", birthName), Map.entry("campagne", campaign),
                Map.entry("code", code), Map.entry("aLien", link != null), Map.entry("lien", link == null ? "" : link),
                Map.entry("dateFin", FrenchDates.date(endsOn)), Map.entry("collectivite", authority));
    }

    /**
     * Renders every template with an example at the edges (long names and address, extra time):
     * an unknown variable or a syntax error throws; an SMS over two parts is refused.
     */
    public void validate() {
        Map<String, Object> example = convocation("Marie-Dominique", "Etcheverry-Lassalle",
                LocalDateTime.of(2026, 3, 3, 9, 30), Duration.ofMinutes(140), "Maison du numérique — Mont-de-Marsan",
                "Salle Adour", "12 rue Victor Hugo, 40000 Mont-de-Marsan", 33, "Agence départementale d'inclusion numérique",
                "05 58 00 00 00", "3 avenue Saint-Vincent-de-Paul\n40100 Dax");
        Map<String, Object> campaignExample = campaign("Marie-Dominique", "Etcheverry-Lassalle",
                "Socle numérique des agents 2027", "ABCDEF234", "https://app.pix.fr/campagnes/ABCDEF234",
                LocalDate.of(2027, 3, 31), "Communauté d'agglomération du Grand Dax");
        for (Kind kind : Kind.values()) {
            for (String template : kind.templates()) {
                try {
                    renderer.render(template, kind.forAgents() ? campaignExample : example);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Template " + template + " cannot be rendered: " + e.getMessage(), e);
                }
            }
            if (kind.forAgents()) {
                continue;
            }
            int parts = SmsText.segments(SmsText.toGsm7(renderer.render(kind.sms(), example).strip()));
            if (parts > MAX_SMS_SEGMENTS) {
                throw new IllegalStateException("Template " + kind.sms() + " needs " + parts + " SMS parts (at most "
                        + MAX_SMS_SEGMENTS + ")");
            }
        }
    }
}
