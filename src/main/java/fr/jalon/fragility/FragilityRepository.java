package fr.jalon.fragility;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** SQL of the index's inputs, references and evaluations. */
final class FragilityRepository {

    boolean hasVintage(DbExecute exec, String vintage) {
        return exec.get("SELECT 1 AS one FROM fragility_inputs WHERE vintage = ? LIMIT 1", vintage).isPresent();
    }

    /** Replaces the inputs of a vintage with these units (their 2026 commune and EPCI resolved). */
    void replaceInputs(DbExecute exec, String vintage, List<InputsFile.Line> lines, Map<String, CommuneCodesReadModel.Current> codes) {
        exec.dml("DELETE FROM fragility_inputs WHERE vintage = ?", vintage);
        List<String> units = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> communes = new ArrayList<>();
        List<String> communeNames = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> currentNames = new ArrayList<>();
        List<String> epcis = new ArrayList<>();
        List<String> departements = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (InputsFile.Line l : lines) {
            CommuneCodesReadModel.Current c = codes.get(l.commune2016());
            units.add(l.unit().code());
            names.add(l.unit().name());
            communes.add(l.commune2016());
            communeNames.add(l.communeName());
            current.add(c.commune());
            currentNames.add(c.name());
            epcis.add(c.epci());
            departements.add(l.unit().departement());
            JsonObjectBuilder o = Jsons.createObjectBuilder();
            l.unit().counts().forEach(o::add);
            counts.add(o.build().toString());
        }
        exec.dml("""
                INSERT INTO fragility_inputs (vintage, unit_code, unit_name, commune_code, commune_name, commune_2026,
                                              commune_2026_name, epci_2026, departement, counts)
                SELECT ?, u.unit, u.name, u.commune, u.commune_name, u.current, u.current_name, u.epci, u.departement,
                       CAST(u.counts AS jsonb)
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                     AS u(unit, name, commune, commune_name, current, current_name, epci, departement, counts)""",
                vintage, SqlArrays.of(units), SqlArrays.of(names), SqlArrays.of(communes), SqlArrays.of(communeNames),
                SqlArrays.of(current), SqlArrays.of(currentNames), SqlArrays.of(epcis), SqlArrays.of(departements),
                SqlArrays.of(counts));
    }

    /** The units of a vintage, each with its 2026 commune and EPCI. */
    List<Unit> inputs(DbExecute exec, String vintage) {
        return exec.query("SELECT unit_code, unit_name, commune_2026, epci_2026, departement, counts::text AS counts "
                        + "FROM fragility_inputs WHERE vintage = ? ORDER BY unit_code", vintage)
                .map(row -> {
                    Map<String, Double> counts = new HashMap<>();
                    JsonObject json = Jsons.createReader(new StringReader(Rows.text(row, "counts"))).readObject();
                    json.forEach((k, v) -> counts.put(k, ((JsonNumber) v).doubleValue()));
                    return new Unit(Rows.text(row, "unit_code"), Rows.text(row, "unit_name"), Rows.text(row, "commune_2026"),
                            Rows.text(row, "epci_2026"), Rows.text(row, "departement"), counts);
                }).toList();
    }

    /** The names of the 2026 communes of a vintage, by code. */
    Map<String, String> communeNames(DbExecute exec, String vintage) {
        Map<String, String> names = new HashMap<>();
        exec.query("SELECT DISTINCT commune_2026, commune_2026_name FROM fragility_inputs WHERE vintage = ?", vintage)
                .forEach(row -> names.put(Rows.text(row, "commune_2026"), Rows.text(row, "commune_2026_name")));
        return names;
    }

    /** Each unit's 2026 commune and EPCI in a vintage: unit code → {commune, epci}. */
    Map<String, String[]> placesOfUnits(DbExecute exec, String vintage) {
        Map<String, String[]> places = new HashMap<>();
        exec.query("SELECT unit_code, commune_2026, epci_2026 FROM fragility_inputs WHERE vintage = ?", vintage)
                .forEach(row -> places.put(Rows.text(row, "unit_code"), new String[] {Rows.text(row, "commune_2026"),
                        Rows.text(row, "epci_2026")}));
        return places;
    }

    List<String> vintages(DbExecute exec) {
        return exec.query("SELECT DISTINCT vintage FROM fragility_inputs ORDER BY vintage")
                .map(row -> Rows.text(row, "vintage")).toList();
    }

    void saveReferences(DbExecute exec, List<ReferencesFile.Row> rows) {
        for (ReferencesFile.Row r : rows) {
            exec.dml("INSERT INTO fragility_references (variable, territory, value) VALUES (?, ?, ?) "
                    + "ON CONFLICT (variable, territory) DO UPDATE SET value = EXCLUDED.value", r.variable().code(),
                    r.territory(), r.value());
        }
    }

    Map<Variable, Double> references(DbExecute exec, String territory) {
        Map<Variable, Double> values = new HashMap<>();
        exec.query("SELECT variable, value FROM fragility_references WHERE territory = ?", territory)
                .forEach(row -> values.put(Variable.ofCode(Rows.text(row, "variable")),
                        ((Number) Rows.raw(row, "value")).doubleValue()));
        return values;
    }

    UUID saveEvaluation(DbExecute exec, String vintage, String reference, String level, Integer skillsYear,
                        JsonObject references, List<IfnMethod.Score> scores) {
        UUID id = exec.get("""
                        INSERT INTO fragility_evaluations (vintage, reference, level, skills_year, references_used)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id""",
                        vintage, reference, level, skillsYear, references.toString())
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> indices = new ArrayList<>();
        List<List<String>> axes = new ArrayList<>();
        for (int a = 0; a < Axis.values().length + 1; a++) {
            axes.add(new ArrayList<>());
        }
        for (IfnMethod.Score s : scores) {
            codes.add(s.code());
            names.add(s.name());
            JsonObjectBuilder o = Jsons.createObjectBuilder();
            s.indices().forEach((v, value) -> o.add(v.code(), round(value)));
            indices.add(o.build().toString());
            for (Axis axis : Axis.values()) {
                Double value = s.axes().get(axis);
                axes.get(axis.ordinal()).add(value == null ? null : String.valueOf(round(value)));
            }
            axes.get(Axis.values().length).add(s.global() == null ? null : String.valueOf(round(s.global())));
        }
        exec.dml("""
                INSERT INTO fragility_evaluation_units (evaluation_id, unit_code, unit_name, indices, acces_information,
                    acces_interfaces, capacites_usage, competences_administratives, score_global)
                SELECT ?, u.code, u.name, CAST(u.indices AS jsonb), u.a1, u.a2, u.a3, u.a4, u.g
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS numeric[]),
                            CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS numeric[]))
                     AS u(code, name, indices, a1, a2, a3, a4, g)""",
                id, SqlArrays.of(codes), SqlArrays.of(names), SqlArrays.of(indices), SqlArrays.of(axes.get(0)),
                SqlArrays.of(axes.get(1)), SqlArrays.of(axes.get(2)), SqlArrays.of(axes.get(3)), SqlArrays.of(axes.get(4)));
        return id;
    }

    Optional<FragilityEvaluation> evaluation(DbExecute exec, UUID id) {
        return exec.get(SELECT_EVALUATION + " WHERE id = ?", id).map(FragilityRepository::evaluation);
    }

    List<FragilityEvaluation> evaluations(DbExecute exec, int limit) {
        return exec.query(SELECT_EVALUATION + " ORDER BY created_at DESC, id LIMIT ?", limit)
                .map(FragilityRepository::evaluation).toList();
    }

    /** The units of an evaluation as stored (indices and axes at 2 decimals). */
    List<IfnMethod.Score> units(DbExecute exec, UUID id) {
        return exec.query("""
                        SELECT unit_code, unit_name, indices::text AS indices, acces_information, acces_interfaces,
                               capacites_usage, competences_administratives, score_global
                        FROM fragility_evaluation_units WHERE evaluation_id = ? ORDER BY unit_code""", id)
                .map(row -> {
                    Map<Variable, Double> indices = new EnumMap<>(Variable.class);
                    Jsons.createReader(new StringReader(Rows.text(row, "indices"))).readObject()
                            .forEach((k, v) -> indices.put(Variable.ofCode(k), ((JsonNumber) v).doubleValue()));
                    Map<Axis, Double> axes = new EnumMap<>(Axis.class);
                    for (Axis axis : Axis.values()) {
                        Object value = Rows.raw(row, axis.column());
                        if (value != null) {
                            axes.put(axis, ((Number) value).doubleValue());
                        }
                    }
                    Object global = Rows.raw(row, "score_global");
                    return new IfnMethod.Score(Rows.text(row, "unit_code"), Rows.text(row, "unit_name"), indices, axes,
                            global == null ? null : ((Number) global).doubleValue());
                }).toList();
    }

    /** Stores a new version of the year's aggregates; returns its version. */
    int saveAggregates(DbExecute exec, int year, List<SkillsAggregate> aggregates) {
        exec.query("SELECT pg_advisory_xact_lock(hashtext('jalon.skills_aggregates'), ?)", year).toList();
        int version = exec.get("SELECT coalesce(max(version), 0) + 1 AS v FROM skills_aggregate_sets WHERE year = ?", year)
                .map(row -> Rows.integer(row, "v")).orElse(1);
        UUID set = exec.get("INSERT INTO skills_aggregate_sets (year, version) VALUES (?, ?) RETURNING id", year, version)
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
        JsonArrayBuilder cells = Jsons.createArrayBuilder();
        for (SkillsAggregate a : aggregates) {
            JsonObjectBuilder cell = Jsons.createObjectBuilder().add("level", a.level()).add("code", a.code())
                    .add("name", a.name()).add("level_shares", shares(a.levelShares()));
            optional(cell, "persons", a.persons());
            optional(cell, "parent_code", a.parentCode());
            optional(cell, "mean_score", a.meanScore());
            optional(cell, "share_below_3", a.shareBelow3());
            optional(cell, "withheld", a.withheld());
            cells.add(cell);
        }
        exec.dml("""
                INSERT INTO skills_aggregates (set_id, level, code, name, parent_code, persons, mean_score, share_below_3,
                                               level_shares, withheld)
                SELECT ?, c.level, c.code, c.name, c.parent_code, c.persons, c.mean_score, c.share_below_3, c.level_shares,
                       c.withheld
                FROM jsonb_to_recordset(CAST(? AS jsonb)) AS c(level text, code text, name text, parent_code text,
                     persons integer, mean_score integer, share_below_3 integer, level_shares jsonb, withheld text)""",
                set, cells.build().toString());
        return version;
    }

    private static void optional(JsonObjectBuilder cell, String name, Object value) {
        switch (value) {
            case null -> cell.addNull(name);
            case Integer i -> cell.add(name, i);
            default -> cell.add(name, value.toString());
        }
    }

    private static JsonArray shares(List<Integer> shares) {
        JsonArrayBuilder array = Jsons.createArrayBuilder();
        shares.forEach(v -> {
            if (v == null) {
                array.addNull();
            } else {
                array.add(v);
            }
        });
        return array.build();
    }

    /** The latest version of a year's aggregates (empty list when none was computed). */
    List<SkillsAggregate> aggregates(DbExecute exec, int year) {
        return exec.query("""
                        SELECT a.level, a.code, a.name, a.parent_code, a.persons, a.mean_score, a.share_below_3,
                               a.level_shares::text AS level_shares, a.withheld
                        FROM skills_aggregates a
                        WHERE a.set_id = (SELECT id FROM skills_aggregate_sets WHERE year = ? ORDER BY version DESC LIMIT 1)
                        ORDER BY CASE a.level WHEN 'DEPARTEMENT' THEN 0 WHEN 'EPCI' THEN 1 ELSE 2 END, a.code""", year)
                .map(row -> {
                    List<Integer> shares = new ArrayList<>();
                    Jsons.createReader(new StringReader(Rows.text(row, "level_shares"))).readArray().forEach(v ->
                            shares.add(v.getValueType() == JsonValue.ValueType.NUMBER
                                    ? ((JsonNumber) v).intValue() : null));
                    return new SkillsAggregate(Rows.text(row, "level"), Rows.text(row, "code"), Rows.text(row, "name"),
                            Rows.text(row, "parent_code"), Rows.integer(row, "persons"), Rows.integer(row, "mean_score"),
                            Rows.integer(row, "share_below_3"), shares, Rows.text(row, "withheld"));
                }).toList();
    }

    private static final String SELECT_EVALUATION = "SELECT id, vintage, reference, level, skills_year, "
            + "references_used::text AS references_used, created_at FROM fragility_evaluations";

    private static FragilityEvaluation evaluation(DbRow row) {
        return new FragilityEvaluation(Rows.uuid(row, "id"), Rows.text(row, "vintage"), Rows.text(row, "reference"),
                Rows.text(row, "level"), Rows.integer(row, "skills_year"),
                Jsons.createReader(new StringReader(Rows.text(row, "references_used"))).readObject(),
                Rows.instant(row, "created_at"));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
