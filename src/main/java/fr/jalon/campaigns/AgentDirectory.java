package fr.jalon.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.validation.FieldError;

import io.helidon.dbclient.DbClient;

/**
 * The agent directory of an authority: imported from HR's file, all or nothing, with a dry run.
 * Agents are matched by employee number; an identity (names and birth date) belongs to one agent;
 * a service must exist before agents are attached to it (create it first: a typo never makes a
 * new service). With {@code deactivateMissing}, the file is the whole directory and agents absent
 * from it have left.
 */
final class AgentDirectory {

    private final DbClient db;
    private final Transactions transactions;
    private final AuthorityRepository authorities;
    private final AgentRepository agents;
    private final AuditLog audit;
    private final Clock clock;

    AgentDirectory(DbClient db, Transactions transactions, AuthorityRepository authorities, AgentRepository agents,
                   AuditLog audit, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.authorities = authorities;
        this.agents = agents;
        this.audit = audit;
        this.clock = clock;
    }

    AgentImportReport importFile(Principal actor, UUID authorityId, byte[] file, boolean dryRun, boolean deactivateMissing) {
        Scopes.requireAuthority(actor, authorityId, AuthorityDesk.NOT_FOUND);
        if (!authorities.exists(db.execute(), authorityId)) {
            throw ApiProblem.notFound(AuthorityDesk.NOT_FOUND);
        }
        AgentFile.Content content = AgentFile.read(file, LocalDate.now(clock.withZone(Campaigns.PARIS)));
        if (!content.errors().isEmpty()) {
            throw new ImportRejected(content.errors());
        }
        return transactions.inTransaction(tx -> {
            agents.lock(tx, authorityId);
            Map<String, UUID> services = authorities.services(tx, authorityId).stream()
                    .collect(Collectors.toMap(ServiceNode::path, ServiceNode::id));
            Map<String, Agent> byNumber = agents.all(tx, authorityId).stream()
                    .collect(Collectors.toMap(Agent::employeeNumber, Function.identity()));
            Map<String, Agent> byIdentity = new HashMap<>();
            byNumber.values().forEach(a -> byIdentity.put(AgentRules.identityKey(a.birthName(), a.firstName(),
                    a.birthDate()), a));
            List<FieldError> errors = new ProblemList();
            int[] counts = new int[4];
            List<AgentLine> changed = new ArrayList<>();
            List<UUID> changedServices = new ArrayList<>();
            for (AgentLine line : content.lines()) {
                UUID serviceId = line.servicePath() == null ? null : services.get(line.servicePath());
                if (line.servicePath() != null && serviceId == null) {
                    errors.add(new FieldError(line.line(), AgentFile.Column.SERVICE.header, "unknown_service",
                            "La collectivité n'a pas de service « " + FieldError.echo(line.servicePath())
                                    + " » : créez-le d'abord (POST …/services)."));
                }
                Agent holder = byIdentity.get(line.identityKey());
                if (holder != null && !holder.employeeNumber().equals(line.employeeNumber())) {
                    errors.add(new FieldError(line.line(), AgentFile.Column.BIRTH_NAME.header, "identity_taken",
                            "Un autre agent (matricule « " + FieldError.echo(holder.employeeNumber())
                                    + " ») porte déjà ces nom, prénom et date de naissance."));
                }
                Agent known = byNumber.get(line.employeeNumber());
                if (known == null) {
                    counts[0]++;
                } else if (known.sameAs(line, serviceId)) {
                    counts[2]++;
                    continue;
                } else if (!known.active()) {
                    counts[3]++;
                } else {
                    counts[1]++;
                }
                changed.add(line);
                changedServices.add(serviceId);
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            Set<String> inFile = content.lines().stream().map(AgentLine::employeeNumber).collect(Collectors.toCollection(HashSet::new));
            List<UUID> leaving = deactivateMissing ? byNumber.values().stream()
                    .filter(a -> a.active() && !inFile.contains(a.employeeNumber())).map(Agent::id).toList() : List.of();
            AgentImportReport report = new AgentImportReport(dryRun, content.lines().size(), counts[0], counts[1], counts[2],
                    counts[3], leaving.size());
            if (!dryRun) {
                agents.upsert(tx, authorityId, changed, changedServices);
                agents.deactivate(tx, leaving);
                audit.recordCounts(tx, actor, "agents.import", "authority", Map.of("created", counts[0], "updated",
                        counts[1], "reactivated", counts[3], "deactivated", leaving.size()));
            }
            return report;
        });
    }

    /** A page of the directory, by employee number; reading it is audited (personal data). */
    List<Agent> page(Principal actor, UUID authorityId, String after, int limit) {
        Scopes.requireAuthority(actor, authorityId, AuthorityDesk.NOT_FOUND);
        return transactions.inTransaction(tx -> {
            if (!authorities.exists(tx, authorityId)) {
                throw ApiProblem.notFound(AuthorityDesk.NOT_FOUND);
            }
            List<Agent> page = agents.page(tx, authorityId, after, limit);
            audit.recordCounts(tx, actor, "agents.read", "authority", Map.of("agents", page.size()));
            return page;
        });
    }
}
