package fr.jalon.referrals;

import java.util.List;

import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * JSON of referrals, for the API, the feed and webhooks: the referral as its adviser sees it
 * (what they sent and what became of it, never the centre's person record). The centre's staff
 * also get the id of their person record.
 */
final class ReferralJson {

    private ReferralJson() {
    }

    /** The shape for whoever asks: staff and administrators also get the person record's id. */
    static JsonObject seenBy(Principal viewer, Referral r) {
        JsonObject referral = referral(r);
        return viewer.role() == Role.ADVISER ? referral
                : Jsons.createObjectBuilder(referral).add("personId", r.personId().toString()).build();
    }

    static JsonObject referral(Referral r) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", r.id().toString())
                .add("organisationId", r.organisationId().toString())
                .add("centerId", r.centerId().toString())
                .add("personName", r.personName())
                .add("adviserId", r.adviserId().toString())
                .add("certification", r.certification())
                .add("constraints", r.constraints())
                .add("consentAt", r.consentAt().toString())
                .add("status", r.status().name())
                .add("createdAt", r.createdAt().toString())
                .add("updatedAt", r.updatedAt().toString());
        optional(body, "targetLevel", r.targetLevel());
        optional(body, "referentName", r.referentName());
        optional(body, "referentEmail", r.referentEmail());
        optional(body, "needsFlag", r.needsFlag());
        optional(body, "note", r.note());
        optional(body, "appointment", r.appointment());
        if (r.refusalReason() != null) {
            body.add("refusal", Jsons.createObjectBuilder().add("reason", r.refusalReason().name())
                    .add("text", r.refusalText() == null ? "" : r.refusalText())
                    .add("sharedWithPerson", Boolean.TRUE.equals(r.reasonShared())));
        }
        if (r.postponedUntil() != null) {
            body.add("postponedUntil", r.postponedUntil().toString());
        }
        if (r.enrolmentId() != null) {
            body.add("enrolmentId", r.enrolmentId().toString()).add("sessionId", r.sessionId().toString());
        }
        if (r.result() != null) {
            body.add("result", r.result());
        }
        return body.build();
    }

    /**
     * A page of the change feed. Snapshots are stored JSON: written through as they are, not
     * parsed and written again (the feed's main cost otherwise).
     */
    static String feedPage(List<ChangeLogRepository.Change> page, long nextCursor) {
        StringBuilder body = new StringBuilder(256 + page.size() * 1024).append("{\"items\":[");
        for (int i = 0; i < page.size(); i++) {
            ChangeLogRepository.Change c = page.get(i);
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(c.id()).append("\",\"seq\":").append(c.seq())
                    .append(",\"event\":\"").append(c.event()).append("\",\"occurredAt\":\"").append(c.occurredAt())
                    .append("\",\"referral\":").append(c.referralJson()).append('}');
        }
        return body.append("],\"nextCursor\":\"").append(nextCursor).append("\"}").toString();
    }

    private static void optional(JsonObjectBuilder body, String field, String value) {
        if (value != null) {
            body.add(field, value);
        }
    }
}
