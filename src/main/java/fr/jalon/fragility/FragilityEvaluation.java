package fr.jalon.fragility;

import java.time.Instant;
import java.util.UUID;

import jakarta.json.JsonObject;

/** A stored evaluation's parameters and the reference values it used. */
record FragilityEvaluation(UUID id, String vintage, String reference, String level, Integer skillsYear,
                           JsonObject references, Instant createdAt) {
}
