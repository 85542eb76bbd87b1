package fr.jalon.sessions;

import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** JSON views of sessions. */
final class SessionJson {

    private SessionJson() {
    }

    static JsonObject session(CertificationSession s) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", s.id().toString())
                .add("centerId", s.centerId().toString())
                .add("siteId", s.siteId().toString())
                .add("siteName", s.siteName())
                .add("roomId", s.roomId().toString())
                .add("roomName", s.roomName())
                .add("date", s.slot().date().toString())
                .add("startTime", s.slot().startTime().toString())
                .add("endTime", s.slot().endTime().toString())
                .add("timeZone", s.slot().zone().getId())
                .add("durationMinutes", s.slot().durationMinutes())
                .add("startsAt", s.slot().startsAt().toString())
                .add("capacity", s.capacity())
                .add("seatsTaken", s.seatsTaken())
                .add("freeSeats", s.capacity() - s.seatsTaken())
                .add("certificationType", s.certificationType())
                .add("accessCode", s.accessCode())
                .add("invigilatorPassword", CodeGenerator.printedInvigilatorPassword(s.invigilatorPassword()))
                .add("status", s.status().name())
                .add("createdAt", s.createdAt().toString())
                .add("updatedAt", s.updatedAt().toString());
        if (s.description() != null) {
            body.add("description", s.description());
        }
        if (s.pixNumber() != null) {
            body.add("pixNumber", s.pixNumber());
        }
        if (s.declaredInvigilators() != null) {
            body.add("declaredInvigilators", s.declaredInvigilators());
        }
        if (s.cancellationReason() != null) {
            body.add("cancellationReason", s.cancellationReason());
        }
        return body.build();
    }

    /** Where and when, for "session changed" events. */
    static JsonObject schedule(CertificationSession s) {
        return Jsons.createObjectBuilder()
                .add("sessionId", s.id().toString())
                .add("roomId", s.roomId().toString())
                .add("siteId", s.siteId().toString())
                .add("date", s.slot().date().toString())
                .add("startTime", s.slot().startTime().toString())
                .add("durationMinutes", s.slot().durationMinutes())
                .build();
    }
}
