package fr.jalon.campaigns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL of campaigns, their participants and the agents sent from them to certification. */
final class CampaignRepository {

    private static final String SELECT = """
            SELECT id, authority_id, code, name, track, type, external_id_label, starts_on, ends_on, status, pix_url,
                   competences, created_at, updated_at FROM campaigns""";

    /** What matching an export needs of a participant: who they are and what was last recorded. */
    record Matchable(UUID agentId, String employeeNumber, String birthName, String firstName, String fingerprint) {
    }

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

    /** The competences of the campaign's target profile, as its exports name them. */
    void setCompetences(DbExecute exec, UUID id, List<String> names) {
        exec.dml("UPDATE campaigns SET competences = CAST(? AS text[]), updated_at = now() WHERE id = ? "
                + "AND competences IS DISTINCT FROM CAST(? AS text[])", SqlArrays.of(names), id, SqlArrays.of(names));
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

    /** Every participant of the campaign with their agent (for reports and lists); competences named after the campaign's. */
    List<Participant> participants(DbExecute exec, Campaign campaign) {
        return exec.query("""
                        SELECT g.id AS agent_id, g.employee_number, g.birth_name, g.first_name, g.service_id, s.path, g.active,
                               p.invited_at, p.status, p.progression, p.started_on, p.shared_on, p.mastery, p.pix_total,
                               p.certifiable, p.certifiable_competences, p.competence_mastery::text AS competence_mastery,
                               p.competence_level::text AS competence_level, p.competence_pix::text AS competence_pix
                        FROM campaign_participants p JOIN agents g ON g.id = p.agent_id
                        LEFT JOIN authority_services s ON s.id = g.service_id
                        WHERE p.campaign_id = ? ORDER BY g.birth_name, g.first_name, g.id""", campaign.id())
                .map(row -> participant(row, campaign.competences())).toList();
    }

    /**
     * The report's sums per service, computed in PostgreSQL: one row per service with participants
     * attached directly to it (and one for those attached to none), with per-competence sums.
     */
    List<GroupTotals> groupTotals(DbExecute exec, Campaign campaign) {
        int width = campaign.competences().size();
        Map<UUID, double[]> sums = new HashMap<>();
        Map<UUID, int[]> counts = new HashMap<>();
        Map<UUID, int[][]> levelBands = new HashMap<>();
        UUID none = new UUID(0, 0);
        exec.query("""
                        SELECT g.service_id, c.pos, sum(c.v) AS total, count(c.v) AS n,
                               count(*) FILTER (WHERE c.v < 2) AS l0, count(*) FILTER (WHERE c.v >= 2 AND c.v < 4) AS l1,
                               count(*) FILTER (WHERE c.v >= 4 AND c.v < 6) AS l2, count(*) FILTER (WHERE c.v >= 6) AS l3
                        FROM campaign_participants p JOIN agents g ON g.id = p.agent_id
                        CROSS JOIN LATERAL unnest(CASE WHEN ? THEN p.competence_mastery
                                                       ELSE CAST(p.competence_level AS numeric[]) END)
                             WITH ORDINALITY AS c(v, pos)
                        WHERE p.campaign_id = ? AND p.status = 'SHARED'
                        GROUP BY g.service_id, c.pos""", campaign.type() == CampaignType.ASSESSMENT, campaign.id())
                .forEach(row -> {
                    UUID service = Rows.uuid(row, "service_id");
                    int position = Rows.longValue(row, "pos").intValue() - 1;
                    if (position < width) {
                        UUID key = service == null ? none : service;
                        Object total = Rows.raw(row, "total");
                        sums.computeIfAbsent(key, k -> new double[width])[position] =
                                total == null ? 0 : ((Number) total).doubleValue();
                        counts.computeIfAbsent(key, k -> new int[width])[position] = Rows.longValue(row, "n").intValue();
                        int[] bands = levelBands.computeIfAbsent(key, k -> new int[width][GroupTotals.LEVEL_BANDS])[position];
                        for (int b = 0; b < GroupTotals.LEVEL_BANDS; b++) {
                            bands[b] = Rows.longValue(row, "l" + b).intValue();
                        }
                    }
                });
        return exec.query("""
                        SELECT g.service_id, count(*) AS invited,
                               count(*) FILTER (WHERE p.status <> 'NOT_STARTED') AS started,
                               count(*) FILTER (WHERE p.status = 'SHARED') AS shared,
                               count(*) FILTER (WHERE p.status = 'SHARED'
                                   AND least(floor(coalesce(p.mastery, 0) * 100)::int / 20, 4) = 0) AS band0,
                               count(*) FILTER (WHERE p.status = 'SHARED'
                                   AND least(floor(coalesce(p.mastery, 0) * 100)::int / 20, 4) = 1) AS band1,
                               count(*) FILTER (WHERE p.status = 'SHARED'
                                   AND least(floor(coalesce(p.mastery, 0) * 100)::int / 20, 4) = 2) AS band2,
                               count(*) FILTER (WHERE p.status = 'SHARED'
                                   AND least(floor(coalesce(p.mastery, 0) * 100)::int / 20, 4) = 3) AS band3,
                               count(*) FILTER (WHERE p.status = 'SHARED'
                                   AND least(floor(coalesce(p.mastery, 0) * 100)::int / 20, 4) = 4) AS band4,
                               count(*) FILTER (WHERE p.status = 'SHARED' AND p.certifiable) AS certifiable,
                               coalesce(sum(p.pix_total) FILTER (WHERE p.status = 'SHARED'), 0) AS pix_sum,
                               count(p.pix_total) FILTER (WHERE p.status = 'SHARED') AS pix_count
                        FROM campaign_participants p JOIN agents g ON g.id = p.agent_id
                        WHERE p.campaign_id = ? GROUP BY g.service_id""", campaign.id())
                .map(row -> {
                    UUID service = Rows.uuid(row, "service_id");
                    UUID key = service == null ? none : service;
                    int[] bands = new int[5];
                    for (int b = 0; b < 5; b++) {
                        bands[b] = Rows.longValue(row, "band" + b).intValue();
                    }
                    return new GroupTotals(service, Rows.longValue(row, "invited").intValue(),
                            Rows.longValue(row, "started").intValue(), Rows.longValue(row, "shared").intValue(), bands,
                            Rows.longValue(row, "certifiable").intValue(), ((Number) Rows.raw(row, "pix_sum")).longValue(),
                            Rows.longValue(row, "pix_count").intValue(), sums.getOrDefault(key, new double[width]),
                            counts.getOrDefault(key, new int[width]),
                            levelBands.getOrDefault(key, new int[width][GroupTotals.LEVEL_BANDS]));
                }).toList();
    }

    /** The participants as an import matches them. */
    List<Matchable> matchable(DbExecute exec, UUID campaignId) {
        return exec.query("""
                        SELECT g.id, g.employee_number, g.birth_name, g.first_name, p.fingerprint
                        FROM campaign_participants p JOIN agents g ON g.id = p.agent_id WHERE p.campaign_id = ?""", campaignId)
                .map(row -> new Matchable(Rows.uuid(row, "id"), Rows.text(row, "employee_number"),
                        Rows.text(row, "birth_name"), Rows.text(row, "first_name"), Rows.text(row, "fingerprint")))
                .toList();
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
        List<String> masteries = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        List<String> pixes = new ArrayList<>();
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
            masteries.add(array(p.competences(), Participation.Competence::mastery));
            levels.add(array(p.competences(), Participation.Competence::level));
            pixes.add(array(p.competences(), Participation.Competence::pix));
            fingerprints.add(p.fingerprint());
        }
        exec.dml("""
                UPDATE campaign_participants p SET status = u.status, progression = u.progression,
                       started_on = u.started_on, shared_on = u.shared_on, mastery = u.mastery, pix_total = u.pix_total,
                       certifiable = u.certifiable, certifiable_competences = u.certifiable_count,
                       competence_mastery = CAST(u.masteries AS numeric[]), competence_level = CAST(u.levels AS smallint[]),
                       competence_pix = CAST(u.pixes AS smallint[]), fingerprint = u.fingerprint, updated_at = now()
                FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS date[]), CAST(? AS date[]),
                            CAST(? AS numeric[]), CAST(? AS integer[]), CAST(? AS boolean[]), CAST(? AS integer[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                     AS u(agent_id, status, progression, started_on, shared_on, mastery, pix_total, certifiable,
                          certifiable_count, masteries, levels, pixes, fingerprint)
                WHERE p.campaign_id = ? AND p.agent_id = u.agent_id""",
                SqlArrays.of(agentIds), SqlArrays.of(statuses), SqlArrays.of(progressions), SqlArrays.of(started),
                SqlArrays.of(shared), SqlArrays.of(mastery), SqlArrays.of(pix), SqlArrays.of(certifiable),
                SqlArrays.of(certifiableCount), SqlArrays.of(masteries), SqlArrays.of(levels), SqlArrays.of(pixes),
                SqlArrays.of(fingerprints), campaignId);
    }

    void certification(DbExecute exec, UUID campaignId, UUID agentId, UUID enrolmentId) {
        exec.dml("INSERT INTO campaign_certifications (campaign_id, agent_id, enrolment_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", campaignId, agentId, enrolmentId);
    }

    /** The values as a PostgreSQL array literal ({@code {0.5,NULL}}), or null when there are none. */
    private static String array(List<Participation.Competence> competences, Function<Participation.Competence, Object> value) {
        if (competences.stream().allMatch(c -> value.apply(c) == null)) {
            return null;
        }
        return competences.stream().map(c -> value.apply(c) == null ? "NULL" : value.apply(c).toString())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A PostgreSQL array's text ({@code {0.50,NULL}}) as its elements (null for NULL), or an empty list. */
    private static List<String> elements(String text) {
        if (text == null || text.length() < 2) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String v : text.substring(1, text.length() - 1).split(",", -1)) {
            values.add(v.equals("NULL") || v.isEmpty() ? null : v);
        }
        return values;
    }

    private static Participant participant(DbRow row, List<String> names) {
        List<String> masteries = elements(Rows.text(row, "competence_mastery"));
        List<String> levels = elements(Rows.text(row, "competence_level"));
        List<String> pixes = elements(Rows.text(row, "competence_pix"));
        List<Participation.Competence> competences = new ArrayList<>();
        int count = Math.min(names.size(), Math.max(masteries.size(), levels.size()));
        for (int i = 0; i < count; i++) {
            String m = i < masteries.size() ? masteries.get(i) : null;
            String l = i < levels.size() ? levels.get(i) : null;
            String x = i < pixes.size() ? pixes.get(i) : null;
            competences.add(new Participation.Competence(names.get(i), m == null ? null : new BigDecimal(m),
                    l == null ? null : Integer.valueOf(l), x == null ? null : Integer.valueOf(x)));
        }
        Participation participation = new Participation(ParticipantStatus.valueOf(Rows.text(row, "status")),
                Rows.integer(row, "progression"), Rows.date(row, "started_on"), Rows.date(row, "shared_on"),
                (BigDecimal) Rows.raw(row, "mastery"), Rows.integer(row, "pix_total"), (Boolean) Rows.raw(row, "certifiable"),
                Rows.integer(row, "certifiable_competences"), competences);
        return new Participant(Rows.uuid(row, "agent_id"), Rows.text(row, "employee_number"), Rows.text(row, "birth_name"),
                Rows.text(row, "first_name"), Rows.uuid(row, "service_id"), Rows.text(row, "path"), Rows.bool(row, "active"),
                Rows.instant(row, "invited_at"), participation, null);
    }

    private static Campaign campaign(DbRow row) {
        return new Campaign(Rows.uuid(row, "id"), Rows.uuid(row, "authority_id"), Rows.text(row, "code"),
                Rows.text(row, "name"), Rows.text(row, "track"), CampaignType.valueOf(Rows.text(row, "type")),
                Rows.text(row, "external_id_label"), Rows.date(row, "starts_on"), Rows.date(row, "ends_on"),
                CampaignStatus.valueOf(Rows.text(row, "status")), Rows.text(row, "pix_url"), Rows.textList(row, "competences"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
