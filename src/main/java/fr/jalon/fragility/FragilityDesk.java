package fr.jalon.fragility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObjectBuilder;

/**
 * Use cases of the index: inputs and references imported, evaluations run and kept with their
 * parameters (never overwritten), and compared. No person is in any of it: census counts and
 * reference values only.
 */
final class FragilityDesk {

    static final String NOT_FOUND = "Aucune évaluation ne correspond à cet identifiant.";

    /** What an evaluation is asked with. */
    record Request(String vintage, String reference, Level level, Integer skillsYear) {
    }

    enum Level { IRIS, COMMUNE, EPCI }

    /** A unit's change between two evaluations: each axis and the global score (b − a), null where either lacks it. */
    record Change(String code, String name, Map<Axis, Double> axes, Double global) {
    }

    private final DbClient db;
    private final Transactions transactions;
    private final FragilityRepository repository = new FragilityRepository();
    private final CommuneCodesReadModel codes = new CommuneCodesReadModel();
    private final ResultsByResidenceReadModel results = new ResultsByResidenceReadModel();
    private final AuditLog audit;

    FragilityDesk(DbClient db, Transactions transactions, AuditLog audit) {
        this.db = db;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Imports a vintage of inputs (replacing it), all or nothing; returns how many units. */
    int importInputs(Principal actor, String vintage, byte[] file) {
        if (actor != null) {
            actor.requireRole(Role.ADMIN);
        }
        InputsFile.Content content = InputsFile.read(file);
        List<FieldError> errors = new ProblemList(content.errors());
        return transactions.inTransaction(tx -> {
            List<String> departements = content.lines().stream().map(l -> l.unit().departement()).distinct().toList();
            Map<String, CommuneCodesReadModel.Current> current = codes.ofDepartements(tx, departements);
            for (InputsFile.Line line : content.lines()) {
                if (!current.containsKey(line.commune2016())) {
                    errors.add(new FieldError(line.line(), "commune_insee_2016", "unknown_commune", "La commune "
                            + line.commune2016() + " n'existe ni en 2026 ni parmi les anciens codes des communes actuelles."));
                }
            }
            if (!errors.isEmpty()) {
                throw new ApiProblem(422, "import-rejected", "Fichier refusé", "Le fichier n'a pas été importé : "
                        + ProblemList.summary(errors) + ".", errors);
            }
            repository.replaceInputs(tx, vintage, content.lines(), current);
            audit.record(tx, actor, "fragility.inputs", "vintage", vintage);
            return content.lines().size();
        });
    }

    int importReferences(Principal actor, String text) {
        if (actor != null) {
            actor.requireRole(Role.ADMIN);
        }
        ReferencesFile.Content content = ReferencesFile.read(text, null);
        if (!content.errors().isEmpty()) {
            throw new ApiProblem(422, "import-rejected", "Fichier refusé", "Le fichier n'a pas été importé : "
                    + ProblemList.summary(content.errors()) + ".", content.errors());
        }
        return transactions.inTransaction(tx -> {
            repository.saveReferences(tx, content.rows());
            audit.record(tx, actor, "fragility.references", "references", content.rows().size());
            return content.rows().size();
        });
    }

    boolean hasVintage(String vintage) {
        return repository.hasVintage(db.execute(), vintage);
    }

    /** Runs and keeps an evaluation; returns it. */
    FragilityEvaluation evaluate(Principal actor, Request r) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            List<Unit> units = repository.inputs(tx, r.vintage());
            if (units.isEmpty()) {
                throw ApiProblem.invalidField("vintage", "unknown_vintage", "Aucune donnée d'entrée pour le millésime « "
                        + FieldError.echo(r.vintage()) + " ».");
            }
            String[] territory = r.reference().split(":", 2);
            List<Unit> reference = units.stream().filter(u -> territory[0].equals("departement")
                    ? u.departement().equals(territory[1]) : territory[1].equals(u.epci2026())).toList();
            if (reference.isEmpty()) {
                throw ApiProblem.invalidField("reference", "empty_reference", "Le territoire de référence « "
                        + r.reference() + " » ne contient aucune unité de ce millésime.");
            }
            Map<Variable, IfnMethod.Reference> refs = IfnMethod.references(reference, repository.references(tx,
                    r.reference()));
            Map<String, String> names = r.level() == Level.COMMUNE ? repository.communeNames(tx, r.vintage())
                    : r.level() == Level.EPCI ? codes.epciNames(tx) : Map.of();
            List<Unit> levelUnits = levelUnits(units, r.level(), names);
            List<IfnMethod.Score> scores = levelUnits.stream().map(u -> IfnMethod.score(u, refs)).toList();
            JsonObjectBuilder used = Jsons.createObjectBuilder();
            refs.forEach((v, ref) -> used.add(v.code(), Jsons.createObjectBuilder().add("value", ref.value())
                    .add("supplied", ref.supplied())));
            if (r.skillsYear() != null) {
                scores = withSkills(tx, r, levelUnits, scores, used);
            }
            UUID id = repository.saveEvaluation(tx, r.vintage(), r.reference(), r.level().name(), r.skillsYear(), used.build(),
                    scores);
            audit.record(tx, actor, "fragility.evaluate", "evaluation", id);
            return repository.evaluation(tx, id).orElseThrow();
        });
    }

    /**
     * The census scores with one more variable: the share of certified residents below level 3
     * (the year's aggregates), indexed against the reference territory's share; 100 where the
     * unit's figure is withheld (never a neighbour's).
     */
    private List<IfnMethod.Score> withSkills(DbExecute tx, Request r, List<Unit> units,
                                             List<IfnMethod.Score> scores, JsonObjectBuilder used) {
        List<SkillsAggregate> aggregates = repository.aggregates(tx, r.skillsYear());
        if (aggregates.isEmpty()) {
            throw ApiProblem.invalidField("skillsYear", "no_aggregates", "Aucun agrégat de compétences n'a été calculé pour "
                    + r.skillsYear() + " : lancez le calcul (tâche skills-aggregates) ou choisissez une autre année.");
        }
        String[] territory = r.reference().split(":", 2);
        String referenceLevel = territory[0].equals("departement") ? "DEPARTEMENT" : "EPCI";
        SkillsAggregate reference = aggregates.stream().filter(a -> a.level().equals(referenceLevel)
                && a.code().equals(territory[1])).findFirst().orElse(null);
        if (reference == null || reference.shareBelow3() == null) {
            throw ApiProblem.invalidField("skillsYear", "reference_withheld", "La part des certifiés sous le niveau 3 du "
                    + "territoire de référence n'est pas publiable pour " + r.skillsYear()
                    + " (moins de 11 personnes, ou part nulle ou totale).");
        }
        used.add(Variable.SKILLS_BELOW_LEVEL_3.code(), Jsons.createObjectBuilder().add("value", reference.shareBelow3())
                .add("supplied", false).add("year", r.skillsYear()));
        Map<String, Integer> byCode = new HashMap<>();
        aggregates.stream().filter(a -> a.shareBelow3() != null)
                .forEach(a -> byCode.put(a.level() + ":" + a.code(), a.shareBelow3()));
        List<IfnMethod.Score> withSkills = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Unit u = units.get(i);
            String key = r.level() == Level.EPCI ? "EPCI:" + u.epci2026() : "COMMUNE:" + u.commune2026();
            Integer local = byCode.get(key);
            Double index = local == null ? Double.valueOf(100)
                    : IfnMethod.index(Variable.SKILLS_BELOW_LEVEL_3, local, reference.shareBelow3());
            Map<Variable, Double> indices = new EnumMap<>(scores.get(i).indices());
            indices.put(Variable.SKILLS_BELOW_LEVEL_3, index == null ? 100 : index);
            withSkills.add(IfnMethod.score(u.code(), u.name(), indices));
        }
        return withSkills;
    }

    /** Computes and stores a new version of a year's skills aggregates; returns its version. */
    int computeAggregates(int year) {
        return transactions.inTransaction(tx -> {
            List<SkillsAggregate> aggregates = SkillsAggregates.of(results.ofYear(tx, year));
            int version = repository.saveAggregates(tx, year, aggregates);
            audit.recordCounts(tx, null, "fragility.aggregates", "aggregates", Map.of("year", year, "version", version,
                    "cells", aggregates.size()));
            return version;
        });
    }

    /** The latest aggregates of a year: public-safe cells only (everything withheld says why). */
    List<SkillsAggregate> aggregates(int year) {
        return repository.aggregates(db.execute(), year);
    }

    /** The units of the level: as given (IRIS), or pooled by 2026 commune or EPCI. */
    static List<Unit> levelUnits(List<Unit> units, Level level, Map<String, String> names) {
        if (level == Level.IRIS) {
            return units;
        }
        Map<String, List<Unit>> groups = units.stream().filter(u -> (level == Level.COMMUNE ? u.commune2026() : u.epci2026())
                        != null)
                .collect(Collectors.groupingBy(u -> level == Level.COMMUNE ? u.commune2026() : u.epci2026(),
                        LinkedHashMap::new, Collectors.toList()));
        List<Unit> pooled = new ArrayList<>();
        groups.forEach((code, members) -> pooled.add(IfnMethod.pool(code, names.getOrDefault(code, code),
                level == Level.COMMUNE ? code : null,
                members.getFirst().epci2026(), members.getFirst().departement(), members)));
        pooled.sort(Comparator.comparing(Unit::code));
        return pooled;
    }

    FragilityEvaluation evaluation(Principal actor, UUID id) {
        Objects.requireNonNull(actor);
        return repository.evaluation(db.execute(), id).orElseThrow(() -> ApiProblem.notFound(NOT_FOUND));
    }

    List<FragilityEvaluation> evaluations(Principal actor, int limit) {
        Objects.requireNonNull(actor);
        return repository.evaluations(db.execute(), limit);
    }

    List<IfnMethod.Score> units(Principal actor, UUID id) {
        evaluation(actor, id);
        return repository.units(db.execute(), id);
    }

    /** The evaluation's map (SVG): each IRIS filled after its unit's global score. */
    String map(Principal actor, UUID id) {
        FragilityEvaluation e = evaluation(actor, id);
        Map<String, Double> byUnit = new HashMap<>();
        units(actor, id).forEach(s -> byUnit.put(s.code(), s.global()));
        Map<String, String[]> places = repository.placesOfUnits(db.execute(), e.vintage());
        Map<String, Double> byIris = new HashMap<>();
        places.forEach((iris, place) -> {
            String unit = switch (e.level()) {
                case "COMMUNE" -> place[0];
                case "EPCI" -> place[1];
                default -> iris;
            };
            byIris.put(iris, unit == null ? null : byUnit.get(unit));
        });
        String level = switch (e.level()) {
            case "COMMUNE" -> "communes";
            case "EPCI" -> "intercommunalités";
            default -> "IRIS";
        };
        return MapSvg.render("Indice de fragilité numérique des Landes", "Par " + level + " · référence " + e.reference()
                        + " · données " + e.vintage() + " · évaluation du " + e.createdAt().toString().substring(0, 10),
                e.skillsYear() == null ? null : "Les certifiés ne sont pas un échantillon représentatif des habitants.",
                byIris);
    }

    /** Per unit present in both: b − a for each axis and the global score. */
    List<Change> compare(Principal actor, UUID a, UUID b) {
        Map<String, IfnMethod.Score> before = units(actor, a).stream()
                .collect(Collectors.toMap(IfnMethod.Score::code, s -> s));
        List<Change> changes = new ArrayList<>();
        for (IfnMethod.Score after : units(actor, b)) {
            IfnMethod.Score was = before.get(after.code());
            if (was == null) {
                continue;
            }
            Map<Axis, Double> axes = new LinkedHashMap<>();
            for (Axis axis : Axis.values()) {
                Double x = was.axes().get(axis);
                Double y = after.axes().get(axis);
                axes.put(axis, x == null || y == null ? null : FragilityRepository.round(y - x));
            }
            changes.add(new Change(after.code(), after.name(), axes, was.global() == null || after.global() == null ? null
                    : FragilityRepository.round(after.global() - was.global())));
        }
        return changes;
    }
}
