package fr.jalon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feature's {@code *Repository} reads and writes its own tables; a query that reads another
 * feature's tables lives in a named {@code *ReadModel} that lists them. The few joins still made
 * by repositories are listed here, each with its reason: a new one fails this test.
 */
class TableOwnershipTest {

    private static final Map<String, String> OWNER = Map.ofEntries(
            entry("communes", "territory"), entry("epcis", "territory"), entry("countries", "territory"),
            entry("centers", "centers"), entry("sites", "centers"), entry("rooms", "centers"),
            entry("sessions", "sessions"),
            entry("people", "candidates"), entry("enrolments", "candidates"), entry("enrolment_history", "candidates"),
            entry("referring_organisations", "referrals"), entry("organisation_centers", "referrals"),
            entry("referrals", "referrals"), entry("referral_changes", "referrals"),
            entry("referral_deliveries", "referrals"), entry("idempotency_keys", "referrals"),
            entry("invigilators", "invigilators"), entry("invigilator_sites", "invigilators"),
            entry("invigilator_exceptions", "invigilators"), entry("assignments", "invigilators"),
            entry("assignment_plans", "invigilators"),
            entry("session_reports", "sessionday"), entry("candidate_reports", "sessionday"),
            entry("incident_reports", "sessionday"),
            entry("certification_results", "results"), entry("certification_result_history", "results"),
            entry("attestations", "attestations"), entry("rate_limit_hits", "attestations"),
            entry("notifications", "notifications"),
            entry("users", "users"), entry("api_tokens", "users"),
            entry("job_runs", "jobs"),
            entry("local_authorities", "campaigns"), entry("authority_centers", "campaigns"),
            entry("authority_services", "campaigns"), entry("agents", "campaigns"), entry("campaigns", "campaigns"),
            entry("campaign_participants", "campaigns"), entry("campaign_certifications", "campaigns"),
            entry("fragility_inputs", "fragility"), entry("fragility_references", "fragility"),
            entry("fragility_evaluations", "fragility"), entry("fragility_evaluation_units", "fragility"),
            entry("skills_aggregate_sets", "fragility"), entry("skills_aggregates", "fragility"));

    /** Joins repositories still make into other features' tables, and why. */
    private static final Set<String> ALLOWED = Set.of(
            "sessions/SessionRepository -> rooms, sites: a session's view carries its site's and room's names",
            "referrals/ReferralRepository -> centers, enrolments: a referral shows its enrolment's session; centres are "
                    + "reminded of waiting referrals at their contact address",
            "sessionday/SessionDayRepository -> sessions: retention clears comments of sessions ended past the limit",
            "invigilators/InvigilatorRepository -> sessions: retention keeps invigilators assigned to recent sessions",
            "referrals/ChangeLogRepository -> users: an outcome e-mail goes to the adviser's address",
            "demo/DemoRepository -> sessions: demo data moves its own session under way");

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+([a-z_]+)\\b");

    @Test
    void repositoriesTouchOnlyTheirFeaturesTables() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/fr/jalon"))) {
            for (Path file : files.filter(p -> p.toString().endsWith("Repository.java")).toList()) {
                String feature = file.getParent().getFileName().toString();
                String source = Files.readString(file);
                Set<String> foreign = new TreeSet<>();
                Matcher m = TABLE.matcher(source);
                while (m.find()) {
                    String owner = OWNER.get(m.group(1));
                    if (owner != null && !owner.equals(feature) && !feature.equals("platform")) {
                        foreign.add(m.group(1));
                    }
                }
                if (!foreign.isEmpty()) {
                    found.add(feature + "/" + file.getFileName().toString().replace(".java", "") + " -> "
                            + String.join(", ", foreign));
                }
            }
        }
        List<String> unexplained = found.stream()
                .filter(f -> ALLOWED.stream().noneMatch(a -> a.startsWith(f + ":"))).toList();
        assertTrue(unexplained.isEmpty(), "move these queries into a named *ReadModel (or explain them here): "
                + unexplained);
        List<String> stale = ALLOWED.stream().filter(a -> found.stream().noneMatch(f -> a.startsWith(f + ":"))).toList();
        assertTrue(stale.isEmpty(), "no longer true, remove from the list: " + stale);
    }
}
