package fr.jalon.fragility;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON and CSV of evaluations, their units and comparisons. */
final class FragilityJson {

    /** Said with every output computed above the census unit. */
    static final String MEDIAN_NOTICE = "Au-dessus de l'IRIS, le revenu médian est la moyenne des médianes des IRIS "
            + "pondérée par leur population : une approximation.";

    private FragilityJson() {
    }

    static JsonObject evaluation(FragilityEvaluation e) {
        JsonObjectBuilder o = Jsons.createObjectBuilder()
                .add("id", e.id().toString())
                .add("vintage", e.vintage())
                .add("reference", e.reference())
                .add("level", e.level())
                .add("references", e.references())
                .add("createdAt", e.createdAt().toString());
        if (e.skillsYear() != null) {
            o.add("skillsYear", e.skillsYear());
        }
        if (!e.level().equals("IRIS")) {
            o.add("notice", MEDIAN_NOTICE);
        }
        return o.build();
    }

    static JsonObject units(List<IfnMethod.Score> scores) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (IfnMethod.Score s : scores) {
            JsonObjectBuilder indices = Jsons.createObjectBuilder();
            s.indices().forEach((v, value) -> indices.add(v.code(), value));
            JsonObjectBuilder o = Jsons.createObjectBuilder().add("unitCode", s.code()).add("unitName", s.name())
                    .add("indices", indices);
            for (Axis axis : Axis.values()) {
                Double value = s.axes().get(axis);
                if (value != null) {
                    o.add(camel(axis.column()), value);
                }
            }
            if (s.global() != null) {
                o.add("scoreGlobal", s.global());
            }
            items.add(o);
        }
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    /** One row per unit: {@code unit_code, unit_name, level, idx_<variable>…, <axes>, score_global}; empty where not computable. */
    static byte[] csv(FragilityEvaluation e, List<IfnMethod.Score> scores) {
        StringBuilder csv = new StringBuilder("unit_code,unit_name,level");
        for (Variable v : Variable.values()) {
            csv.append(",idx_").append(v.code());
        }
        for (Axis axis : Axis.values()) {
            csv.append(',').append(axis.column());
        }
        csv.append(",score_global\r\n");
        for (IfnMethod.Score s : scores) {
            csv.append(s.code()).append(",\"").append(s.name().replace("\"", "\"\"")).append("\",").append(e.level());
            for (Variable v : Variable.values()) {
                csv.append(',').append(number(s.indices().get(v)));
            }
            for (Axis axis : Axis.values()) {
                csv.append(',').append(number(s.axes().get(axis)));
            }
            csv.append(',').append(number(s.global())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject changes(List<FragilityDesk.Change> changes) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (FragilityDesk.Change c : changes) {
            JsonObjectBuilder o = Jsons.createObjectBuilder().add("unitCode", c.code()).add("unitName", c.name());
            c.axes().forEach((axis, value) -> {
                if (value != null) {
                    o.add(camel(axis.column()), value);
                }
            });
            if (c.global() != null) {
                o.add("scoreGlobal", c.global());
            }
            items.add(o);
        }
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    /** Said next to every figure of measured skills. */
    static final String SKILLS_NOTICE = "Les personnes certifiées ne sont pas un échantillon représentatif des habitants : "
            + "ces chiffres décrivent les certifiés, pas la population.";

    static JsonObject aggregates(int year, List<SkillsAggregate> aggregates) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (SkillsAggregate a : aggregates) {
            JsonObjectBuilder o = Jsons.createObjectBuilder().add("level", a.level()).add("code", a.code())
                    .add("name", a.name());
            if (a.parentCode() != null) {
                o.add("parentCode", a.parentCode());
            }
            if (a.withheld() != null) {
                o.add("withheld", a.withheld());
            } else {
                o.add("persons", a.persons()).add("meanScore", a.meanScore());
                if (a.shareBelow3() != null) {
                    o.add("shareBelowLevel3Percent", a.shareBelow3());
                }
                JsonArrayBuilder levels = Jsons.createArrayBuilder();
                for (int l = 0; l < a.levelShares().size(); l++) {
                    JsonObjectBuilder level = Jsons.createObjectBuilder().add("level", l);
                    Integer share = a.levelShares().get(l);
                    if (share != null) {
                        level.add("percent", share);
                    }
                    levels.add(level);
                }
                o.add("levels", levels);
            }
            items.add(o);
        }
        return Jsons.createObjectBuilder().add("year", year).add("minimumPersons", 11).add("notice", SKILLS_NOTICE)
                .add("items", items).build();
    }

    static byte[] aggregatesCsv(List<SkillsAggregate> aggregates) {
        StringBuilder csv = new StringBuilder("level,code,name,persons,mean_score,share_below_level_3,withheld\r\n");
        for (SkillsAggregate a : aggregates) {
            csv.append(a.level()).append(',').append(a.code()).append(",\"").append(a.name().replace("\"", "\"\""))
                    .append("\",").append(a.persons() == null ? "" : a.persons()).append(',')
                    .append(a.meanScore() == null ? "" : a.meanScore()).append(',')
                    .append(a.shareBelow3() == null ? "" : a.shareBelow3()).append(",\"")
                    .append(a.withheld() == null ? "" : a.withheld()).append("\"\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** acces_information → accesInformation (JSON fields are camelCase; CSV keeps DESIGN's names). */
    static String camel(String column) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }
}
