package fr.jalon.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;

/** A candidate's certification result as imported from Pix (the current version). */
public record CertificationResult(UUID enrolmentId, UUID sessionId, String certificationNumber, String certificationType,
                                  ResultStatus status, Integer score, Integer globalLevel, List<Integer> competences,
                                  List<Complementary> complementary, String juryComment, LocalDate takenOn, int version,
                                  Instant importedAt) {

    /** A complementary certification's outcome: VALIDATED, REJECTED, NOT_TAKEN, CANCELLED or ERROR. */
    public record Complementary(String name, String status) {

        public boolean obtained() {
            return status.equals("VALIDATED");
        }
    }

    /** What a referring adviser learns: status, score, level, complementary certifications (no competence detail). */
    public JsonObject summary() {
        var body = Jsons.createObjectBuilder().add("status", status.name())
                .add("statusLabel", status.label()).add("certificationNumber", certificationNumber);
        if (score != null) {
            body.add("score", score).add("maxScore", GlobalLevel.MAX_REACHABLE_SCORE).add("globalLevel", globalLevel)
                    .add("globalLevelLabel", globalLevelLabel());
        }
        var outcomes = Jsons.createArrayBuilder();
        complementary.forEach(c -> outcomes.add(Jsons.createObjectBuilder().add("name", c.name())
                .add("status", c.status())));
        return body.add("complementary", outcomes).build();
    }

    /** The global level's label ("Indépendant 3"), or null without a score. */
    public String globalLevelLabel() {
        return globalLevel == null ? null : GlobalLevel.label(globalLevel);
    }
}
