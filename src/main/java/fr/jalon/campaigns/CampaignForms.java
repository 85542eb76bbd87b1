package fr.jalon.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import fr.jalon.platform.http.JsonInput;

/** Reads and checks the JSON bodies of campaigns; every problem at once. */
final class CampaignForms {

    /** The common core and the job tracks of Pix Territoires; a free label is allowed too. */
    static final Set<String> TRACKS = Set.of("Socle commun", "Télétravail", "Messagerie et agenda", "Données",
            "Travail collaboratif", "Cybersécurité");

    private CampaignForms() {
    }

    static CampaignDraft campaign(JsonInput in) {
        UUID authority = in.required("authorityId", in.uuid("authorityId")).orElse(null);
        String name = in.requiredText("name", 200);
        String track = in.text("track", 100).orElse("Socle commun");
        CampaignType type = in.required("type", in.enumValue("type", CampaignType.class)).orElse(null);
        String label = in.text("externalIdLabel", 50).orElse("Matricule");
        LocalDate startsOn = in.required("startsOn", in.date("startsOn")).orElse(null);
        LocalDate endsOn = in.required("endsOn", in.date("endsOn")).orElse(null);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            in.error("endsOn", "before_start", "doit être postérieure ou égale à la date d'ouverture");
        }
        String url = in.text("pixUrl", 300).orElse(null);
        if (url != null && !url.matches("https://[^\\s]+")) {
            in.error("pixUrl", "invalid_url", "doit être une adresse https (le lien de la campagne sur Pix)");
        }
        return new CampaignDraft(authority, name, track, type, label, startsOn, endsOn, url);
    }

    /** Who is invited: everyone active, the agents of some services (their sub-services included), or a list. */
    record Invitation(boolean all, List<UUID> serviceIds, List<UUID> agentIds) {
    }

    static Invitation invitation(JsonInput in) {
        boolean all = in.bool("all").orElse(false);
        List<UUID> services = uuids(in, "serviceIds");
        List<UUID> agents = uuids(in, "agentIds");
        if (!all && services.isEmpty() && agents.isEmpty()) {
            in.error("all", "required", "indiquez qui inviter : « all » à true, des « serviceIds » ou des « agentIds »");
        }
        return new Invitation(all, services, agents);
    }

    /** Agents sent to a certification session: a list, or those whose shared results pass a threshold. */
    record Dispatch(UUID sessionId, List<UUID> agentIds, Integer minMasteryPercent, boolean certifiableOnly, int limit) {
    }

    static Dispatch dispatch(JsonInput in) {
        UUID session = in.required("sessionId", in.uuid("sessionId")).orElse(null);
        List<UUID> agents = uuids(in, "agentIds");
        Integer minMastery = in.integer("minMasteryPercent", 0, 100).orElse(null);
        boolean certifiable = in.bool("certifiableOnly").orElse(false);
        int limit = in.integer("limit", 1, 500).orElse(500);
        if (agents.isEmpty() && minMastery == null && !certifiable) {
            in.error("agentIds", "required", "indiquez des agents, ou un seuil (« minMasteryPercent », « certifiableOnly »)");
        }
        return new Dispatch(session, agents, minMastery, certifiable, limit);
    }

    private static List<UUID> uuids(JsonInput in, String field) {
        return in.textList(field, 5_000, 36).stream().map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                in.error(field, "invalid_uuid", "ne doit contenir que des identifiants");
                return null;
            }
        }).filter(Objects::nonNull).distinct().toList();
    }
}
