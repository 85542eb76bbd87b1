package fr.jalon.candidates;

import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** JSON views of people and enrolments. A person's view has the shape of its input, plus ids. */
final class CandidateJson {

    private CandidateJson() {
    }

    /** The person as the API reads it back: writable fields only (used for merge patches). */
    static JsonObject personInput(PersonDraft d) {
        JsonObjectBuilder birthplace = Jsons.createObjectBuilder().add("country", d.birthplace().countryName());
        if (d.birthplace().inFrance()) {
            birthplace.add("inseeCode", d.birthplace().inseeCode());
        }
        add(birthplace, "postalCode", d.birthplace().postalCode());
        add(birthplace, "city", d.birthplace().city());
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("birthName", d.birthName())
                .add("firstName", d.firstName())
                .add("sex", d.sex().name())
                .add("birthDate", d.birthDate().toString())
                .add("birthplace", birthplace)
                .add("preferredChannels", Jsons.createArrayBuilder(d.preferredChannels().stream().map(Enum::name).toList()));
        add(body, "usageName", d.usageName());
        add(body, "email", d.email());
        add(body, "mobilePhone", d.mobilePhone());
        if (d.address() != null) {
            JsonObjectBuilder address = Jsons.createObjectBuilder().add("line1", d.address().line1());
            add(address, "line2", d.address().line2());
            address.add("postalCode", d.address().postalCode()).add("city", d.address().city());
            body.add("address", address);
        }
        add(body, "residenceInsee", d.residenceInsee());
        JsonObjectBuilder accessibility = Jsons.createObjectBuilder().add("adjustment", d.accessibilityAdjustment());
        if (d.extraTimePercent() != null) {
            accessibility.add("extraTimePercent", d.extraTimePercent());
        }
        add(accessibility, "needs", d.accessibilityNeeds());
        body.add("accessibility", accessibility);
        add(body, "franceTravailNumber", d.franceTravailNumber());
        add(body, "imiloId", d.imiloId());
        return body.build();
    }

    static JsonObject person(Person p) {
        return Jsons.createObjectBuilder(personInput(p.draft()))
                .add("id", p.id().toString())
                .add("createdAt", p.createdAt().toString())
                .add("updatedAt", p.updatedAt().toString())
                .build();
    }

    /** Read-only fields of the person view, ignored when a merge patch is read back as input. */
    static JsonInput withoutReadOnly(JsonObject merged) {
        JsonObjectBuilder body = Jsons.createObjectBuilder(merged);
        body.remove("id");
        body.remove("createdAt");
        body.remove("updatedAt");
        return new JsonInput(body.build());
    }

    static JsonObject enrolment(Enrolment e, long waitlistRank) {
        EnrolmentTerms t = e.terms();
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", e.id().toString())
                .add("sessionId", e.sessionId().toString())
                .add("person", Jsons.createObjectBuilder()
                        .add("id", e.personId().toString())
                        .add("birthName", e.birthName())
                        .add("firstName", e.firstName())
                        .add("birthDate", e.birthDate().toString()))
                .add("status", e.status().name())
                .add("billingMode", t.billingMode().name())
                .add("accessibilityAdjustment", t.accessibilityAdjustment())
                .add("origin", e.origin().name())
                .add("createdAt", e.createdAt().toString())
                .add("updatedAt", e.updatedAt().toString());
        add(body, "prepaymentCode", t.prepaymentCode());
        add(body, "complementaryCertification",
                t.complementaryCertification() == null ? null : t.complementaryCertification().name());
        add(body, "externalId", t.externalId());
        add(body, "resultRecipientEmail", t.resultRecipientEmail());
        if (t.extraTimePercent() != null) {
            body.add("extraTimePercent", t.extraTimePercent());
        }
        add(body, "originReference", e.originReference());
        if (waitlistRank > 0) {
            body.add("waitlistRank", waitlistRank);
        }
        add(body, "transferredFrom", e.transferredFrom() == null ? null : e.transferredFrom().toString());
        add(body, "transferredTo", e.transferredTo() == null ? null : e.transferredTo().toString());
        add(body, "cancellationReason", e.cancellationReason());
        return body.build();
    }

    private static void add(JsonObjectBuilder body, String field, String value) {
        if (value != null) {
            body.add(field, value);
        }
    }
}
