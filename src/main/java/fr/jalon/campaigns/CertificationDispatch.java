package fr.jalon.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.candidates.Candidates;
import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.candidates.Origin;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Sends agents of a campaign to a certification session of a centre the authority works with.
 * Each agent is enrolled on their own (one transaction each): the centre gets its own record of
 * the person, the enrolment rules apply (seats, waiting list, one enrolment per person and
 * session), origin CAMPAIGN; an agent who cannot be enrolled is reported with the reason. A
 * threshold selects only among agents who shared their results, as Pix Orga's sharing rule says.
 */
final class CertificationDispatch {

    /** What became of one agent. */
    record Sent(UUID agentId, UUID enrolmentId, EnrolmentStatus status, String refusal) {
    }

    private final Transactions transactions;
    private final CampaignRepository campaigns;
    private final AuthorityRepository authorities;
    private final AgentRepository agents;
    private final Sessions sessions;
    private final Candidates candidates;
    private final AuditLog audit;
    private final Clock clock;

    CertificationDispatch(Transactions transactions, CampaignRepository campaigns, AuthorityRepository authorities,
                          AgentRepository agents, Sessions sessions, Candidates candidates, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.authorities = authorities;
        this.agents = agents;
        this.sessions = sessions;
        this.candidates = candidates;
        this.audit = audit;
        this.clock = clock;
    }

    List<Sent> send(Principal actor, UUID campaignId, CampaignForms.Dispatch form) {
        record Plan(Campaign campaign, SessionView session, List<UUID> chosen, List<Sent> refused) {
        }
        Plan plan = transactions.inTransaction(tx -> {
            Campaign campaign = campaigns.find(tx, campaignId, false).filter(c -> Scopes.sees(actor, c.authorityId()))
                    .orElseThrow(() -> ApiProblem.notFound(CampaignDesk.NOT_FOUND));
            if (campaign.status() != CampaignStatus.OPEN && campaign.status() != CampaignStatus.CLOSED) {
                throw ApiProblem.conflict("La campagne est " + campaign.status().label()
                        + " : on envoie des agents en certification depuis une campagne ouverte ou clôturée.");
            }
            SessionView session = sessions.find(tx, form.sessionId())
                    .filter(s -> authorities.worksWith(tx, campaign.authorityId(), s.centerId()))
                    .orElseThrow(() -> ApiProblem.invalidField("sessionId", "unknown_session",
                            "Aucune session d'un centre partenaire de la collectivité ne porte cet identifiant."));
            if (session.status() != SessionStatus.SCHEDULED) {
                throw ApiProblem.conflict("Les inscriptions à cette session sont closes.");
            }
            List<Participant> participants = campaigns.participants(tx, campaign);
            Set<UUID> invited = participants.stream().map(Participant::agentId).collect(Collectors.toSet());
            List<Sent> refused = new ArrayList<>();
            List<UUID> chosen = new ArrayList<>();
            if (!form.agentIds().isEmpty()) {
                for (UUID id : form.agentIds()) {
                    if (invited.contains(id)) {
                        chosen.add(id);
                    } else {
                        refused.add(new Sent(id, null, null, "Cet agent n'est pas invité à la campagne."));
                    }
                }
            } else {
                participants.stream().filter(p -> passes(p, form)).map(Participant::agentId).forEach(chosen::add);
            }
            return new Plan(campaign, session, chosen.stream().limit(form.limit()).toList(), refused);
        });
        List<Sent> outcomes = new ArrayList<>(plan.refused());
        LocalDate today = LocalDate.now(clock.withZone(Campaigns.PARIS));
        for (UUID agentId : plan.chosen()) {
            outcomes.add(enrol(actor, plan.campaign(), plan.session(), agentId, today));
        }
        return outcomes;
    }

    /** Shared results at or above the threshold (mastery, or certifiability for a profiles collection). */
    private static boolean passes(Participant p, CampaignForms.Dispatch form) {
        Participation r = p.participation();
        if (r.status() != ParticipantStatus.SHARED || !p.active()) {
            return false;
        }
        boolean mastery = form.minMasteryPercent() == null
                || r.mastery() != null && r.mastery().movePointRight(2).intValue() >= form.minMasteryPercent();
        boolean certifiable = !form.certifiableOnly() || Boolean.TRUE.equals(r.certifiable());
        return mastery && certifiable;
    }

    private Sent enrol(Principal actor, Campaign campaign, SessionView session, UUID agentId, LocalDate today) {
        try {
            return transactions.inTransaction(tx -> {
                Agent agent = agents.find(tx, agentId).filter(Agent::active).orElseThrow(() -> ApiProblem.conflict(
                        "Cet agent a quitté la collectivité."));
                if (agent.sex() == null || agent.birthInsee() == null && agent.birthCountry() == null) {
                    throw ApiProblem.conflict("Le sexe et le lieu de naissance de l'agent manquent (la certification "
                            + "les demande) : complétez le fichier des agents.");
                }
                JsonInput in = new JsonInput(person(agent));
                Candidates.PersonDetails details = candidates.personDetails(in, today).orElse(null);
                in.validate();
                Candidates.ReferredEnrolment enrolment = candidates.enrolOnAgreement(actor, tx, session.centerId(),
                        session.id(), details, Origin.CAMPAIGN, campaign.id().toString());
                campaigns.certification(tx, campaign.id(), agentId, enrolment.enrolmentId());
                audit.record(tx, actor, "campaign.certification", "agent", agentId);
                return new Sent(agentId, enrolment.enrolmentId(), enrolment.status(), null);
            });
        } catch (ApiProblem problem) {
            return new Sent(agentId, null, null, problem.detail());
        }
    }

    /** The agent as the enrolment API describes a person: their professional e-mail receives the convocation. */
    private static JsonObject person(Agent agent) {
        JsonObjectBuilder birthplace = Jsons.createObjectBuilder();
        if (agent.birthInsee() != null) {
            birthplace.add("inseeCode", agent.birthInsee());
        }
        if (agent.birthCountry() != null) {
            birthplace.add("country", agent.birthCountry());
        }
        JsonObjectBuilder person = Jsons.createObjectBuilder(Map.of("birthName", agent.birthName(),
                "firstName", agent.firstName(), "sex", agent.sex(), "birthDate", agent.birthDate().toString()))
                .add("birthplace", birthplace);
        if (agent.email() != null) {
            person.add("email", agent.email());
        }
        if (agent.residenceInsee() != null) {
            person.add("residenceInsee", agent.residenceInsee());
        }
        return person.build();
    }
}
