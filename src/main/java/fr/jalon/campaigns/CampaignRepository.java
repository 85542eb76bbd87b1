package fr.jalon.campaigns;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;
import fr.jalon.platform.json.Jsons;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** SQL of campaigns, their participants and the agents sent from them to certification. */
final class CampaignRepository {

    private static final String SELECT = """
            SELECT id, authority_id, code, name, track, type, external_id_label, starts_on, ends_on, status, pix_url,
                   created_at, updated_at FROM campaigns""";

    /** Inserts the campaign unless its code is taken (then empty: draw another code). */
    Optional<UUID> insert(DbExecute exec, CampaignDraft d, String code) {
        return exec.get("""
                        INSERT INTO campaigns (authority_id, code, name, track, type, external_id_label, starts_on, ends_on,
                                               status, pix_url)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?) ON CONFLICT (code) DO NOTHING RETURNING id""",
                        d.authorityId(), code, d.name(), d.track(), d.type().name(), d.externalIdLabel(), d.startsOn(),
                        d.endsOn(), d.pixUrl())
                .map(row -> Rows.uuid(row, "id"));
    }

    Optional<Campaign> find(DbExecute exec, UUID id, boolean lock) {
        return exec.get(SELECT + " WHERE id = ?" + (lock ? " FOR UPDATE" : ""), id).map(CampaignRepository::campaign);
    }

    List<Campaign> list(DbExecute exec, UUID authorityId, int limit) {
        return exec.query(SELECT + " WHERE CAST(? AS uuid) IS NULL OR authority_id = ? ORDER BY starts_on DESC, id LIMIT ?",
                        authorityId, authorityId, limit)
                .map(CampaignRepository::campaign).toList();
    }

    void setStatus(DbExecute exec, UUID id, CampaignStatus status) {
        exec.dml("UPDATE campaigns SET status = ?, updated_at = now() WHERE id = ?", status.name(), id);
    }

    /**
     * Invites the authority's active agents chosen by the invitation (a service brings its
     * sub-services); agents already invited stay as they are. Returns how many were added.
     */
    int invite(DbExecute exec, UUID campaignId, UUID authorityId, CampaignForms.Invitation who) {
        return (int) exec.dml("""
                WITH RECURSIVE chosen_services AS (
                    SELECT id FROM authority_services WHERE authority_id = ? AND id = ANY(CAST(? AS uuid[]))
                    UNION SELECT s.id FROM authority_services s JOIN chosen_services c ON s.parent_id = c.id)
                INSERT INTO campaign_participants (campaign_id, agent_id)
                SELECT ?, g.id FROM agents g
                WHERE g.authority_id = ? AND g.active AND g.anonymised_at IS NULL
                  AND (? OR g.service_id IN (SELECT id FROM chosen_services) OR g.id = ANY(CAST(? AS uuid[])))
                ON CONFLICT DO NOTHING""",
                authorityId, SqlArrays.of(who.serviceIds()), campaignId, authorityId, who.all(), SqlArrays.of(who.agentIds()));
    }

    /** Every participant of the campaign with their agent (for imports and reports). */
    List<Participant> participants(DbExecute exec, UUID campaignId) {
        return exec.query("""
                        SELECT g.id AS agent_id, g.employee_number, g.birth_name, g.first_name, g.service_id, s.path, g.active,
                               p.invited_at, p.status, p.progression, p.started_on, p.shared_on, p.mastery, p.pix_total,
                               p.certifiable, p.certifiable_competences, p.competences::text AS competences
                        FROM campaign_participants p JOIN agents g ON g.id = p.agent_id
                        LEFT JOIN authority_services s ON s.id = g.service_id
                        WHERE p.campaign_id = ? ORDER BY g.birth_name, g.first_name, g.id""", campaignId)
                .map(CampaignRepository::participant).toList();
    }

    /** The fingerprint of each participant's stored participation (agent id → fingerprint). */
    Map<UUID, String> fingerprints(DbExecute exec, UUID campaignId) {
        Map<UUID, String> result = new HashMap<>();
        exec.query("SELECT agent_id, fingerprint FROM campaign_participants WHERE campaign_id = ?", campaignId)
                .forEach(row -> result.put(Rows.uuid(row, "agent_id"), Rows.text(row, "fingerprint")));
        return result;
    }

    /** Stores what an export said of these participants, in one statement. */
    void record(DbExecute exec, UUID campaignId, List<UUID> agentIds, List<Participation> participations) {
        if (agentIds.isEmpty()) {
            return;
        }
        List<String> statuses = new ArrayList<>();
        List<Object> progressions = new ArrayList<>();
        List<Object> started = new ArrayList<>();
        List<Object> shared = new ArrayList<>();
        List<Object> mastery = new ArrayList<>();
        List<Object> pix = new ArrayList<>();
        List<Object> certifiable = new ArrayList<>();
        List<Object> certifiableCount = new ArrayList<>();
        List<String> competences = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        for (Participation p : participations) {
            statuses.add(p.status().name());
            progressions.add(p.progression());
            started.add(p.startedOn());
            shared.add(p.sharedOn());
            mastery.add(p.mastery());
            pix.add(p.pixTotal());
            certifiable.add(p.certifiable());
            certifiableCount.add(p.certifiableCompetences());
            competences.add(competencesJson(p.competences()));
            fingerprints.add(p.fingerprint());
        }
        exec.dml("""
                UPDATE campaign_participants p SET status = u.status, progression = u.progression,
                       started_on = u.started_on, shared_on = u.shared_on, mastery = u.mastery, pix_total = u.pix_total,
                       certifiable = u.certifiable, certifiable_competences = u.certifiable_count,
                       competences = u.competences, fingerprint = u.fingerprint, updated_at = now()
                FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS date[]), CAST(? AS date[]),
                            CAST(? AS numeric[]), CAST(? AS integer[]), CAST(? AS boolean[]), CAST(? AS integer[]),
                            CAST(? AS jsonb[]), CAST(? AS text[]))
                     AS u(agent_id, status, progression, started_on, shared_on, mastery, pix_total, certifiable,
                          certifiable_count, competences, fingerprint)
                WHERE p.campaign_id = ? AND p.agent_id = u.agent_id""",
                SqlArrays.of(agentIds), SqlArrays.of(statuses), SqlArrays.of(progressions), SqlArrays.of(started),
                SqlArrays.of(shared), SqlArrays.of(mastery), SqlArrays.of(pix), SqlArrays.of(certifiable),
                SqlArrays.of(certifiableCount), SqlArrays.of(competences), SqlArrays.of(fingerprints), campaignId);
    }

    void certification(DbExecute exec, UUID campaignId, UUID agentId, UUID enrolmentId) {
        exec.dml("INSERT INTO campaign_certifications (campaign_id, agent_id, enrolment_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", campaignId, agentId, enrolmentId);
    }

    private static String competencesJson(List<Participation.Competence> competences) {
        JsonArrayBuilder array = Jsons.createArrayBuilder();
        for (Participation.Competence c : competences) {
            var o = Jsons.createObjectBuilder().add("name", c.name());
            if (c.mastery() != null) {
                o.add("mastery", c.mastery());
            }
            if (c.level() != null) {
                o.add("level", c.level());
            }
            if (c.pix() != null) {
                o.add("pix", c.pix());
            }
            array.add(o);
        }
        return array.build().toString();
    }

    private static Participant participant(DbRow row) {
        String status = Rows.text(row, "status");
        List<Participation.Competence> competences = new ArrayList<>();
        for (JsonValue v : Jsons.createReader(new StringReader(Rows.text(row, "competences"))).readArray()) {
            JsonObject c = v.asJsonObject();
            competences.add(new Participation.Competence(c.getString("name"),
                    c.containsKey("mastery") ? c.getJsonNumber("mastery").bigDecimalValue() : null,
                    c.containsKey("level") ? c.getInt("level") : null, c.containsKey("pix") ? c.getInt("pix") : null));
        }
        Object mastery = Rows.raw(row, "mastery");
        Object certifiable = Rows.raw(row, "certifiable");
        Participation participation = new Participation(ParticipantStatus.valueOf(status), Rows.integer(row, "progression"),
                Rows.date(row, "started_on"), Rows.date(row, "shared_on"), (BigDecimal) mastery,
                Rows.integer(row, "pix_total"), (Boolean) certifiable, Rows.integer(row, "certifiable_competences"),
                competences);
        return new Participant(Rows.uuid(row, "agent_id"), Rows.text(row, "employee_number"), Rows.text(row, "birth_name"),
                Rows.text(row, "first_name"), Rows.uuid(row, "service_id"), Rows.text(row, "path"), Rows.bool(row, "active"),
                Rows.instant(row, "invited_at"), participation, null, null);
    }

    private static Campaign campaign(DbRow row) {
        return new Campaign(Rows.uuid(row, "id"), Rows.uuid(row, "authority_id"), Rows.text(row, "code"),
                Rows.text(row, "name"), Rows.text(row, "track"), CampaignType.valueOf(Rows.text(row, "type")),
                Rows.text(row, "external_id_label"), Rows.date(row, "starts_on"), Rows.date(row, "ends_on"),
                CampaignStatus.valueOf(Rows.text(row, "status")), Rows.text(row, "pix_url"), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
