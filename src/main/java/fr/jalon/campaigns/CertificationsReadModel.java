package fr.jalon.campaigns;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model over candidates' {@code enrolments}, sessions' {@code sessions} and results'
 * {@code certification_results}: for each agent a campaign sent to certification, their latest
 * enrolment and its result.
 */
final class CertificationsReadModel {

    Map<UUID, AgentCertification> of(DbExecute exec, UUID campaignId) {
        Map<UUID, AgentCertification> byAgent = new HashMap<>();
        exec.query("""
                SELECT DISTINCT ON (cc.agent_id) cc.agent_id, e.status, s.local_date, r.status AS result_status, r.score,
                       r.global_level
                FROM campaign_certifications cc JOIN enrolments e ON e.id = cc.enrolment_id
                JOIN sessions s ON s.id = e.session_id
                LEFT JOIN certification_results r ON r.enrolment_id = e.id
                WHERE cc.campaign_id = ? ORDER BY cc.agent_id, cc.sent_at DESC""", campaignId)
                .forEach(row -> byAgent.put(Rows.uuid(row, "agent_id"), new AgentCertification(Rows.text(row, "status"),
                        Rows.date(row, "local_date"), Rows.text(row, "result_status"), Rows.integer(row, "score"),
                        Rows.integer(row, "global_level"))));
        return byAgent;
    }
}
