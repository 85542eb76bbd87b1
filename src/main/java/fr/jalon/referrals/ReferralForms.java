package fr.jalon.referrals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.calendar.HalfDay;
import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObjectBuilder;

/** A referral as the API receives it (one JSON body, or one line of a batch file), checked field by field. */
final class ReferralForms {

    private ReferralForms() {
    }

    static ReferralDesk.Intake intake(JsonInput in, Candidates candidates, LocalDate today) {
        UUID center = in.uuid("centerId").orElse(null);
        Candidates.PersonDetails person = in.required("person", in.object("person"))
                .flatMap(p -> candidates.personDetails(p, today)).orElse(null);
        String certification = "PIX";
        String level = null;
        JsonInput goal = in.object("goal").orElse(null);
        if (goal != null) {
            certification = goal.text("certification", 40).orElse("PIX");
            level = goal.text("targetLevel", 40).orElse(null);
        }
        JsonObjectBuilder constraints = Jsons.createObjectBuilder();
        List<String> communes = List.of();
        List<String> epcis = List.of();
        JsonInput c = in.object("constraints").orElse(null);
        if (c != null) {
            var availability = c.enumSet("availability", HalfDay.class, 12);
            constraints.add("availability", Jsons.createArrayBuilder(availability.stream().map(Enum::name).toList()));
            JsonInput mobility = c.object("mobility").orElse(null);
            if (mobility != null) {
                communes = mobility.textList("communes", 100, 5);
                epcis = mobility.textList("epcis", 20, 9);
                boolean withinEpci = mobility.bool("withinEpci").orElse(false);
                constraints.add("mobility", Jsons.createObjectBuilder()
                        .add("communes", Jsons.createArrayBuilder(communes))
                        .add("epcis", Jsons.createArrayBuilder(epcis)).add("withinEpci", withinEpci));
            }
            c.text("accessibility", 500).ifPresent(v -> constraints.add("accessibility", v));
            c.text("language", 50).ifPresent(v -> constraints.add("language", v));
        }
        String referentName = null;
        String referentEmail = null;
        JsonInput referent = in.object("referent").orElse(null);
        if (referent != null) {
            referentName = referent.text("name", 200).orElse(null);
            referentEmail = referent.text("email", 254).orElse(null);
            if (referentEmail != null && !Contact.isEmail(referentEmail)) {
                referent.error("email", "invalid_email", "n'est pas une adresse e-mail valide");
            }
        }
        String note = in.text("note", 2000).orElse(null);
        JsonInput consent = in.required("consent", in.object("consent")).orElse(null);
        if (consent != null && !consent.required("personInformed", consent.bool("personInformed")).orElse(false)) {
            consent.ruleError("personInformed", "consent_required",
                    "Cochez que la personne a été informée du traitement de ses données (consent.personInformed = true).");
        }
        in.validate();
        return new ReferralDesk.Intake(center, person, certification, level, constraints.build(), communes, epcis,
                referentName, referentEmail, note);
    }
}
