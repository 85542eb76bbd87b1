package fr.jalon.campaigns;

import java.util.List;

import fr.jalon.platform.disclosure.Disclosure;
import fr.jalon.platform.json.Jsons;
import fr.jalon.sessions.SessionView;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON of authorities, agents, campaigns, participants and reports. */
final class CampaignJson {

    private CampaignJson() {
    }

    static JsonObject authority(Authority a) {
        JsonObjectBuilder o = Jsons.createObjectBuilder()
                .add("id", a.id().toString())
                .add("name", a.name())
                .add("kind", a.kind().name())
                .add("kindLabel", a.kind().label())
                .add("siren", a.siren())
                .add("centerIds", Jsons.createArrayBuilder(a.centerIds().stream().map(Object::toString).toList()));
        optional(o, "territoryCode", a.territoryCode());
        optional(o, "contactEmail", a.contactEmail());
        return o.build();
    }

    static JsonObject service(ServiceNode s) {
        JsonObjectBuilder o = Jsons.createObjectBuilder()
                .add("id", s.id().toString())
                .add("name", s.name())
                .add("path", s.path())
                .add("depth", s.depth());
        optional(o, "parentId", s.parentId() == null ? null : s.parentId().toString());
        return o.build();
    }

    /** A partner centre's session as HR see it: when, where, how many free seats. */
    static JsonObject session(SessionView s) {
        return Jsons.createObjectBuilder()
                .add("id", s.id().toString())
                .add("centerId", s.centerId().toString())
                .add("date", s.slot().date().toString())
                .add("startTime", s.slot().startTime().toString())
                .add("siteName", s.siteName())
                .add("freeSeats", s.freeSeats())
                .build();
    }

    static JsonObject agent(Agent a) {
        JsonObjectBuilder o = Jsons.createObjectBuilder()
                .add("id", a.id().toString())
                .add("employeeNumber", a.employeeNumber())
                .add("birthName", a.birthName())
                .add("firstName", a.firstName())
                .add("birthDate", a.birthDate().toString())
                .add("active", a.active())
                .add("readyForCertification", a.sex() != null && (a.birthInsee() != null || a.birthCountry() != null));
        optional(o, "email", a.email());
        optional(o, "serviceId", a.serviceId() == null ? null : a.serviceId().toString());
        optional(o, "servicePath", a.servicePath());
        return o.build();
    }

    static JsonObject importReport(AgentImportReport r) {
        return Jsons.createObjectBuilder().add("dryRun", r.dryRun()).add("lines", r.lines()).add("created", r.created())
                .add("updated", r.updated()).add("unchanged", r.unchanged()).add("reactivated", r.reactivated())
                .add("deactivated", r.deactivated()).build();
    }

    static JsonObject campaign(Campaign c) {
        JsonObjectBuilder o = Jsons.createObjectBuilder()
                .add("id", c.id().toString())
                .add("authorityId", c.authorityId().toString())
                .add("code", c.code())
                .add("name", c.name())
                .add("track", c.track())
                .add("type", c.type().name())
                .add("externalIdLabel", c.externalIdLabel())
                .add("startsOn", c.startsOn().toString())
                .add("endsOn", c.endsOn().toString())
                .add("status", c.status().name())
                .add("createdAt", c.createdAt().toString());
        optional(o, "pixUrl", c.pixUrl());
        return o.build();
    }

    /** A participant: status and progression always; results only once shared (Pix Orga's rule). */
    static JsonObject participant(Participant p) {
        Participation r = p.participation();
        JsonObjectBuilder o = Jsons.createObjectBuilder()
                .add("agentId", p.agentId().toString())
                .add("employeeNumber", p.employeeNumber())
                .add("birthName", p.birthName())
                .add("firstName", p.firstName())
                .add("active", p.active())
                .add("status", r.status().name());
        optional(o, "servicePath", p.servicePath());
        if (r.progression() != null) {
            o.add("progressionPercent", r.progression());
        }
        optional(o, "startedOn", r.startedOn() == null ? null : r.startedOn().toString());
        AgentCertification cert = p.certification();
        if (cert != null) {
            JsonObjectBuilder certification = Jsons.createObjectBuilder().add("enrolmentStatus", cert.enrolmentStatus())
                    .add("sessionDate", cert.sessionDate().toString());
            if (cert.resultStatus() != null) {
                certification.add("resultStatus", cert.resultStatus());
                if (cert.score() != null) {
                    certification.add("score", cert.score());
                }
                if (cert.globalLevel() != null) {
                    certification.add("globalLevel", cert.globalLevel());
                }
            }
            o.add("certification", certification);
        }
        if (r.status() == ParticipantStatus.SHARED) {
            JsonObjectBuilder results = Jsons.createObjectBuilder();
            optional(results, "sharedOn", r.sharedOn() == null ? null : r.sharedOn().toString());
            if (r.mastery() != null) {
                results.add("masteryPercent", r.mastery().movePointRight(2).intValue());
            }
            if (r.pixTotal() != null) {
                results.add("pixTotal", r.pixTotal());
            }
            if (r.certifiable() != null) {
                results.add("certifiable", r.certifiable());
            }
            JsonArrayBuilder competences = Jsons.createArrayBuilder();
            r.competences().stream().filter(c -> c.mastery() != null || c.level() != null || c.pix() != null).forEach(c -> {
                JsonObjectBuilder one = Jsons.createObjectBuilder().add("name", c.name());
                if (c.mastery() != null) {
                    one.add("masteryPercent", c.mastery().movePointRight(2).intValue());
                }
                if (c.level() != null) {
                    one.add("level", c.level());
                }
                if (c.pix() != null) {
                    one.add("pix", c.pix());
                }
                competences.add(one);
            });
            o.add("results", results.add("competences", competences));
        }
        return o.build();
    }

    static JsonObject participation(ParticipationReport r) {
        JsonArrayBuilder unmatched = Jsons.createArrayBuilder();
        r.unmatched().forEach(u -> {
            JsonObjectBuilder one = Jsons.createObjectBuilder().add("line", u.line()).add("reason", u.reason());
            optional(one, "externalId", u.externalId());
            unmatched.add(one);
        });
        return Jsons.createObjectBuilder().add("lines", r.lines()).add("updated", r.updated())
                .add("unchanged", r.unchanged()).add("unmatched", unmatched).build();
    }

    static JsonObject sent(List<CertificationDispatch.Sent> sent) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        int enrolled = 0;
        for (CertificationDispatch.Sent s : sent) {
            JsonObjectBuilder one = Jsons.createObjectBuilder().add("agentId", s.agentId().toString());
            if (s.enrolmentId() != null) {
                one.add("enrolmentId", s.enrolmentId().toString()).add("status", s.status().name());
                enrolled++;
            } else {
                one.add("refusal", s.refusal());
            }
            items.add(one);
        }
        return Jsons.createObjectBuilder().add("enrolled", enrolled).add("refused", sent.size() - enrolled)
                .add("items", items).build();
    }

    static JsonObject report(CampaignReport report) {
        JsonArrayBuilder nodes = Jsons.createArrayBuilder();
        for (CampaignReport.Node n : report.nodes()) {
            JsonObjectBuilder turnout = Jsons.createObjectBuilder();
            CampaignReport.Turnout t = n.turnout();
            if (t.withheld() != null) {
                turnout.add("withheld", t.withheld());
            } else {
                turnout.add("invited", t.invited()).add("started", t.started()).add("shared", t.shared());
                figure(turnout, "sharedPercent", t.sharedPercent());
            }
            JsonObjectBuilder results = Jsons.createObjectBuilder();
            CampaignReport.Results r = n.results();
            if (r.withheld() != null) {
                results.add("withheld", r.withheld());
            } else {
                results.add("sharers", r.sharers());
                JsonArrayBuilder bands = Jsons.createArrayBuilder();
                r.bands().forEach(b -> {
                    JsonObjectBuilder band = Jsons.createObjectBuilder().add("band", b.label());
                    figure(band, "percent", b.percent());
                    bands.add(band);
                });
                JsonArrayBuilder means = Jsons.createArrayBuilder();
                r.means().forEach(m -> {
                    JsonObjectBuilder mean = Jsons.createObjectBuilder().add("competence", m.competence());
                    if (m.masteryPercent() != null) {
                        mean.add("masteryPercent", m.masteryPercent());
                    }
                    if (m.level() != null) {
                        mean.add("level", m.level());
                    }
                    if (!m.levels().isEmpty()) {
                        JsonArrayBuilder levels = Jsons.createArrayBuilder();
                        m.levels().forEach(b -> {
                            JsonObjectBuilder band = Jsons.createObjectBuilder().add("band", b.label());
                            figure(band, "percent", b.percent());
                            levels.add(band);
                        });
                        mean.add("levels", levels);
                    }
                    means.add(mean);
                });
                results.add("masteryBands", bands).add("competences", means);
                if (r.meanPix() != null) {
                    results.add("meanPix", r.meanPix());
                }
                if (report.campaign().type() == CampaignType.PROFILES_COLLECTION) {
                    figure(results, "certifiablePercent", r.certifiablePercent());
                }
            }
            nodes.add(Jsons.createObjectBuilder().add("key", n.key()).add("path", n.path()).add("depth", n.depth())
                    .add("turnout", turnout).add("results", results));
        }
        return Jsons.createObjectBuilder().add("campaignId", report.campaign().id().toString())
                .add("code", report.campaign().code()).add("type", report.campaign().type().name())
                .add("minimumPersons", Disclosure.MIN_PERSONS).add("notice", CampaignReport.NOTICE)
                .add("nodes", nodes).build();
    }

    /** A published share, or the reason it is not: « nobody » and « everybody » are never said. */
    private static void figure(JsonObjectBuilder o, String field, Integer value) {
        if (value != null) {
            o.add(field, value);
        } else {
            o.add(field + "Withheld", "Part nulle, totale ou sans effectif : non publiée.");
        }
    }

    private static void optional(JsonObjectBuilder o, String field, String value) {
        if (value != null) {
            o.add(field, value);
        }
    }
}
