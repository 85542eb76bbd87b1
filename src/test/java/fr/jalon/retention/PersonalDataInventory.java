package fr.jalon.retention;

import java.util.ArrayList;
import java.util.List;

/**
 * Every column of every table of Jalon's schema, classified: either it holds personal data that
 * the retention job clears (with the SQL condition its rows meet afterwards, and which rows of a
 * purged person it concerns), or it is kept, with the reason. A column added without a line here
 * fails {@link PersonalDataRetentionTest}: nobody can add personal data that is kept for ever.
 */
final class PersonalDataInventory {

    /** What retention does to a column. */
    enum Fate { CLEARED, DELETED, KEPT }

    /**
     * A column; for CLEARED, {@code after} holds for every row {@code rows} selects once purged
     * (and fails for at least one before); for DELETED the selected rows are gone.
     * {@code rows} uses {@code :person}, {@code :enrolments}, {@code :referrals},
     * {@code :invigilator}, {@code :user}, {@code :agent} and {@code :session} as the purged subjects' ids.
     */
    record Column(String table, String column, Fate fate, String rows, String after, String why) {
    }

    static final List<Column> COLUMNS = new ArrayList<>();

    private static final String PERSON = "id = :person";
    private static final String OF_PERSON = "person_id = :person";
    private static final String OF_ENROLMENTS = "enrolment_id IN (:enrolments)";
    private static final String OF_REFERRALS = "referral_id IN (:referrals)";
    private static final String INVIGILATOR = "id = :invigilator";
    private static final String OF_INVIGILATOR = "invigilator_id = :invigilator";
    private static final String AGENT = "id = :agent";

    private static void cleared(String table, String rows, String column, String after) {
        COLUMNS.add(new Column(table, column, Fate.CLEARED, rows, after, null));
    }

    private static void kept(String table, String why, String... columns) {
        for (String column : columns) {
            COLUMNS.add(new Column(table, column, Fate.KEPT, null, null, why));
        }
    }

    static {
        // People: identity, contact and needs go; sex, birth year and country, residence commune stay (statistics).
        cleared("people", PERSON, "birth_name", "birth_name = 'ANONYME'");
        cleared("people", PERSON, "first_name", "first_name = 'ANONYME'");
        cleared("people", PERSON, "usage_name", "usage_name IS NULL");
        cleared("people", PERSON, "birth_date", "extract(doy FROM birth_date) = 1");
        cleared("people", PERSON, "birth_insee_code", "birth_insee_code LIKE '99%'");
        cleared("people", PERSON, "birth_postal_code", "birth_postal_code IS NULL");
        cleared("people", PERSON, "birth_city", "birth_city = ''");
        cleared("people", PERSON, "identity_key", "identity_key LIKE 'anonymised|%'");
        cleared("people", PERSON, "email", "email IS NULL");
        cleared("people", PERSON, "mobile_phone", "mobile_phone IS NULL");
        cleared("people", PERSON, "address_line1", "address_line1 IS NULL");
        cleared("people", PERSON, "address_line2", "address_line2 IS NULL");
        cleared("people", PERSON, "address_postal_code", "address_postal_code IS NULL");
        cleared("people", PERSON, "address_city", "address_city IS NULL");
        cleared("people", PERSON, "preferred_channels", "preferred_channels = '{}'");
        cleared("people", PERSON, "extra_time_percent", "extra_time_percent IS NULL");
        cleared("people", PERSON, "accessibility_adjustment", "NOT accessibility_adjustment");
        cleared("people", PERSON, "accessibility_needs", "accessibility_needs IS NULL");
        cleared("people", PERSON, "france_travail_number", "france_travail_number IS NULL");
        cleared("people", PERSON, "imilo_id", "imilo_id IS NULL");
        cleared("people", PERSON, "anonymised_at", "anonymised_at IS NOT NULL");
        kept("people", "statistics (sex, birth country, residence commune) and record keeping",
                "id", "sex", "birth_country", "residence_insee", "created_at", "updated_at", "owner_kind", "owner_id");

        cleared("enrolments", OF_PERSON, "external_id", "external_id IS NULL");
        cleared("enrolments", OF_PERSON, "result_recipient_email", "result_recipient_email IS NULL");
        cleared("enrolments", OF_PERSON, "extra_time_percent", "extra_time_percent IS NULL");
        cleared("enrolments", OF_PERSON, "accessibility_adjustment", "NOT accessibility_adjustment");
        cleared("enrolments", OF_PERSON, "cancellation_reason", "cancellation_reason IS NULL");
        kept("enrolments", "what happened, without who: statuses, billing, links", "id", "session_id", "person_id",
                "center_id", "status", "billing_mode", "prepayment_code", "complementary_certification", "origin",
                "origin_reference", "waitlist_position", "transferred_from", "transferred_to", "created_at", "updated_at");
        cleared("enrolment_history", OF_ENROLMENTS, "note", "note IS NULL");
        kept("enrolment_history", "statuses and dates", "id", "enrolment_id", "at", "status", "actor_user_id");
        cleared("domain_events", "aggregate_id IN (:enrolments)", "payload", "NOT jsonb_exists(payload, 'reason')");
        kept("domain_events", "ids and types only", "id", "occurred_at", "type", "aggregate_type", "aggregate_id",
                "processed_at");

        cleared("referrals", OF_PERSON, "person_name", "person_name = 'ANONYME'");
        cleared("referrals", OF_PERSON, "referent_name", "referent_name IS NULL");
        cleared("referrals", OF_PERSON, "referent_email", "referent_email IS NULL");
        cleared("referrals", OF_PERSON, "constraints", "constraints = '{}'");
        cleared("referrals", OF_PERSON, "needs_flag", "needs_flag IS NULL");
        cleared("referrals", OF_PERSON, "note", "note IS NULL");
        cleared("referrals", OF_PERSON, "refusal_text", "refusal_text IS NULL");
        cleared("referrals", OF_PERSON, "result", "NOT jsonb_exists(result, 'certificationNumber')");
        kept("referrals", "the referral's course: ids, statuses, dates, reasons from a fixed list", "id",
                "organisation_id", "center_id", "person_id", "adviser_id", "certification", "target_level", "consent_at",
                "status", "appointment", "refusal_reason", "reason_shared", "postponed_until", "enrolment_id",
                "last_reminded_at", "created_at", "updated_at");
        cleared("referral_changes", OF_REFERRALS, "snapshot",
                "NOT jsonb_exists(snapshot, 'personName') AND NOT jsonb_exists(snapshot, 'note')");
        kept("referral_changes", "the feed's order and events", "id", "seq", "referral_id", "organisation_id", "event",
                "occurred_at");
        cleared("referral_deliveries", "change_id IN (SELECT id FROM referral_changes WHERE " + OF_REFERRALS + ")",
                "last_error", "last_error IS NULL");
        kept("referral_deliveries", "delivery bookkeeping", "id", "change_id", "channel", "status", "attempts",
                "next_attempt_at", "sent_at", "lease_until", "lease_owner");
        COLUMNS.add(new Column("idempotency_keys", "body", Fate.DELETED,
                "position(CAST(:referral AS text) IN body) > 0", null, null));
        kept("idempotency_keys", "deleted with their body (above), and after 24 hours anyway", "scope_id", "key",
                "request_hash", "status", "created_at");

        cleared("candidate_reports", OF_ENROLMENTS, "comment", "comment IS NULL");
        kept("candidate_reports", "session-day facts", "enrolment_id", "arrived_at", "test_finished", "abort_reason",
                "updated_at");
        cleared("incident_reports", OF_ENROLMENTS, "description", "description IS NULL");
        kept("incident_reports", "categories from Pix's fixed list", "id", "enrolment_id", "category", "subcategory",
                "question_number", "created_at", "created_by");
        cleared("certification_results", OF_ENROLMENTS, "jury_comment", "jury_comment IS NULL");
        kept("certification_results", "the certification itself, as Pix keeps it (statistics, verification)",
                "enrolment_id", "session_id", "certification_number", "certification_type", "status", "score",
                "global_level", "competences", "complementary", "taken_on", "version", "fingerprint", "imported_at",
                "imported_by");
        cleared("certification_result_history", OF_ENROLMENTS, "result", "NOT jsonb_exists(result, 'jury_comment')");
        kept("certification_result_history", "versions of results", "id", "enrolment_id", "version", "replaced_at",
                "replaced_by");
        cleared("attestations", OF_ENROLMENTS, "pdf", "pdf IS NULL");
        kept("attestations", "codes stay verifiable; a PDF asked again is drawn with the anonymised identity", "id",
                "code", "enrolment_id", "kind", "result_version", "issued_at", "revoked_at", "revocation_reason");
        cleared("notifications", "(" + OF_PERSON + " OR agent_id = :agent)", "last_error", "last_error IS NULL");
        kept("notifications", "what was sent when, to a record id", "id", "kind", "channel", "person_id", "agent_id",
                "center_id",
                "subject_type", "subject_id", "offset_key", "status", "attempts", "next_attempt_at", "created_at",
                "sent_at", "invigilator_id", "lease_until", "lease_owner");

        cleared("invigilators", INVIGILATOR, "first_name", "first_name = 'ANONYME'");
        cleared("invigilators", INVIGILATOR, "last_name", "last_name = 'ANONYME'");
        cleared("invigilators", INVIGILATOR, "email", "email IS NULL");
        cleared("invigilators", INVIGILATOR, "phone", "phone IS NULL");
        cleared("invigilators", INVIGILATOR, "calendar_token_hash", "calendar_token_hash IS NULL");
        cleared("invigilators", INVIGILATOR, "active", "NOT active");
        cleared("invigilators", INVIGILATOR, "anonymised_at", "anonymised_at IS NOT NULL");
        kept("invigilators", "the pool's statistics (commune of residence, load limits)", "id", "center_id", "user_id",
                "kind", "home_insee", "trained_pix", "habilitations", "max_per_week", "max_per_month", "weekly",
                "created_at", "updated_at");
        cleared("invigilator_exceptions", OF_INVIGILATOR, "note", "note IS NULL");
        kept("invigilator_exceptions", "dates", "id", "invigilator_id", "kind", "from_date", "to_date");
        kept("invigilator_sites", "links", "invigilator_id", "site_id");
        cleared("assignments", OF_INVIGILATOR, "decline_reason", "decline_reason IS NULL");
        kept("assignments", "staffing history", "id", "session_id", "invigilator_id", "status", "locked", "created_at");
        COLUMNS.add(new Column("assignment_plans", "plan", Fate.DELETED, "center_id = :center", null, null));
        kept("assignment_plans", "deleted whole past the limit (above)", "id", "center_id", "from_date", "to_date", "score",
                "created_at", "published_at");
        cleared("users", "id = :user", "email", "email LIKE 'anonymise-%@invalid'");
        cleared("users", "id = :user", "display_name", "display_name = 'Compte anonymisé'");
        cleared("users", "id = :user", "disabled_at", "disabled_at IS NOT NULL");
        cleared("users", "id = :user", "anonymised_at", "anonymised_at IS NOT NULL");
        cleared("users", "id = :user", "password_hash", "password_hash IS NULL");
        kept("users", "roles and scopes of a disabled account; sign-in counters and dates", "id", "role", "center_id",
                "authority_id", "created_at", "organisation_id", "failed_logins", "locked_until", "password_changed_at");
        COLUMNS.add(new Column("console_sessions", "csrf_token", Fate.DELETED, "user_id = :user", null, null));
        kept("console_sessions", "deleted whole with their account's anonymisation (above)", "token_id", "user_id",
                "created_at", "last_seen_at");
        COLUMNS.add(new Column("password_links", "secret_hash", Fate.DELETED, "user_id = :user", null, null));
        kept("password_links", "deleted whole with their account's anonymisation (above)", "id", "user_id", "created_at",
                "expires_at", "used_at");
        kept("api_tokens", "revoked with their account; labels name tools, not people", "id", "user_id", "label",
                "token_hash", "created_at", "expires_at", "last_used_at", "revoked_at");

        cleared("sessions", "id = :session", "declared_invigilators", "declared_invigilators IS NULL");
        kept("sessions", "the session itself (its observations and cancellation reason are about the session)", "id",
                "center_id", "site_id", "room_id", "local_date", "start_time", "time_zone", "duration_minutes", "starts_at",
                "ends_at", "capacity", "description", "certification_type", "access_code", "invigilator_password", "status",
                "cancellation_reason", "cancelled_at", "created_at", "updated_at", "seats_taken", "pix_number");
        cleared("session_reports", "session_id = :session", "global_comment", "global_comment IS NULL");
        kept("session_reports", "finalization facts", "session_id", "has_incident", "has_joining_issue", "finalized_at",
                "finalized_by");

        kept("audit_log", "who did what to which record id, and counts: never values", "id", "at", "actor_user_id",
                "actor_role", "action", "record_type", "record_id", "details");
        kept("job_runs", "job summaries hold counts only", "id", "job_name", "instance_id", "started_at", "finished_at",
                "outcome", "message");
        kept("rate_limit_hits", "client addresses, deleted after a day by the verification limiter", "bucket",
                "window_start", "hits");
        kept("event_consumptions", "bookkeeping", "consumer", "event_id", "consumed_at");
        kept("service_state", "service facts", "key", "value", "updated_at");
        kept("centers", "organisations, not people (professional contacts)", "id", "name", "type", "siret",
                "habilitations", "contact_email", "contact_phone", "staff_ratio", "created_at", "updated_at");
        kept("sites", "places", "id", "center_id", "name", "address_line1", "address_line2", "postal_code", "city",
                "commune_insee", "accessibility_info", "wheelchair_accessible", "created_at", "updated_at");
        kept("rooms", "places", "id", "site_id", "name", "seats", "accessible", "created_at", "updated_at");
        kept("referring_organisations", "organisations, not people (professional contacts)", "id", "kind", "name",
                "siret", "safir_code", "address_line1", "postal_code", "city", "contact_email", "contact_phone",
                "webhook_url", "webhook_secret", "created_at", "updated_at");
        kept("organisation_centers", "links", "organisation_id", "center_id");
        kept("communes", "public reference data", "code_insee", "name", "type", "departement", "region", "postal_codes",
                "population", "epci_siren", "chef_lieu", "former_codes");
        kept("epcis", "public reference data", "siren", "name", "type", "population_municipale", "population_totale",
                "commune_count");
        kept("countries", "public reference data", "code_insee", "name", "ended_on");

        // Agents of local authorities: who left long ago is anonymised; campaign figures stay, tied to no one.
        cleared("agents", AGENT, "birth_name", "birth_name = 'ANONYME'");
        cleared("agents", AGENT, "first_name", "first_name = 'ANONYME'");
        cleared("agents", AGENT, "employee_number", "employee_number LIKE 'anonyme-%'");
        cleared("agents", AGENT, "identity_key", "identity_key LIKE 'anonyme|%'");
        cleared("agents", AGENT, "email", "email IS NULL");
        cleared("agents", AGENT, "sex", "sex IS NULL");
        cleared("agents", AGENT, "birth_insee", "birth_insee IS NULL");
        cleared("agents", AGENT, "birth_country", "birth_country IS NULL");
        cleared("agents", AGENT, "birth_date", "extract(doy FROM birth_date) = 1");
        cleared("agents", AGENT, "anonymised_at", "anonymised_at IS NOT NULL");
        kept("agents", "statistics (residence commune, service) and record keeping", "id", "authority_id",
                "residence_insee", "service_id", "active", "left_at", "created_at", "updated_at");
        kept("campaign_participants", "figures of a participation, tied to an agent record that retention anonymises",
                "campaign_id", "agent_id", "invited_at", "status", "progression", "started_on", "shared_on", "mastery",
                "pix_total", "certifiable", "certifiable_competences", "competence_mastery", "competence_level", "competence_pix",
                "fingerprint", "updated_at");
        kept("campaign_certifications", "links", "campaign_id", "agent_id", "enrolment_id", "sent_at");
        kept("campaigns", "an authority's campaigns, no person", "id", "authority_id", "code", "name", "track", "type",
                "external_id_label", "starts_on", "ends_on", "status", "pix_url", "competences", "created_at", "updated_at");
        kept("local_authorities", "organisations, not people (professional contacts)", "id", "name", "kind", "siren",
                "territory_code", "contact_email", "created_at", "updated_at");
        kept("authority_centers", "links", "authority_id", "center_id");
        kept("fragility_inputs", "census counts per territorial unit, no person", "vintage", "unit_code", "unit_name",
                "commune_code", "commune_name", "commune_2026", "commune_2026_name", "epci_2026", "departement", "counts");
        kept("skills_aggregate_sets", "versions of anonymised aggregates", "id", "year", "version", "computed_at");
        kept("skills_aggregates", "anonymised aggregates: counts of 11 persons or more, no person", "set_id", "level",
                "code", "name", "parent_code", "persons", "mean_score", "share_below_3", "level_shares", "withheld");
        kept("fragility_references", "reference values of territories", "variable", "territory", "value");
        kept("fragility_evaluations", "parameters of an evaluation", "id", "vintage", "reference", "level", "skills_year",
                "references_used", "created_at");
        kept("fragility_evaluation_units", "indices of territorial units", "evaluation_id", "unit_code", "unit_name",
                "indices", "acces_information", "acces_interfaces", "capacites_usage", "competences_administratives",
                "score_global");
        kept("authority_services", "an organisation chart, no person", "id", "authority_id", "parent_id", "name", "path",
                "depth");
    }

    private PersonalDataInventory() {
    }
}
