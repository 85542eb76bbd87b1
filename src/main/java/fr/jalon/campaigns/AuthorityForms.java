package fr.jalon.campaigns;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.codes.Siret;
import fr.jalon.platform.http.JsonInput;

/** Reads and checks the JSON bodies of local authorities and their services; every problem at once. */
final class AuthorityForms {

    /** Services have at most three levels: direction, service, unit. */
    static final int MAX_DEPTH = 3;

    private AuthorityForms() {
    }

    static AuthorityDraft authority(JsonInput in) {
        String name = in.requiredText("name", 200);
        AuthorityKind kind = in.required("kind", in.enumValue("kind", AuthorityKind.class)).orElse(null);
        String siren = in.required("siren", in.text("siren", 20)).map(Siret::normalize).orElse(null);
        if (siren != null && !Siret.isValidSiren(siren)) {
            in.error("siren", "invalid_siren", "n'est pas un SIREN valide (9 chiffres et clé de contrôle)");
        }
        String territory = in.text("territoryCode", 9).orElse(null);
        if (territory != null && !territory.matches("\\d[0-9AB]\\d{3}|\\d{9}")) {
            in.error("territoryCode", "invalid_territory",
                    "doit être le code INSEE d'une commune (5 caractères) ou le SIREN d'un EPCI (9 chiffres)");
        }
        String email = in.text("contactEmail", 254).orElse(null);
        if (email != null && !Contact.isEmail(email)) {
            in.error("contactEmail", "invalid_email", "n'est pas une adresse e-mail valide");
        }
        List<UUID> centers = in.textList("centerIds", 50, 36).stream().map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                in.error("centerIds", "invalid_uuid", "ne doit contenir que des identifiants de centre");
                return null;
            }
        }).filter(Objects::nonNull).distinct().toList();
        return new AuthorityDraft(name, kind, siren, territory, email, centers);
    }

    /** A service path: 1 to 3 names separated by « / », each of 1 to 120 characters. */
    static List<String> servicePath(JsonInput in) {
        String path = in.requiredText("path", 400);
        if (path == null) {
            return List.of();
        }
        List<String> names = split(path);
        if (names.isEmpty() || names.size() > MAX_DEPTH || names.stream().anyMatch(n -> n.isEmpty() || n.length() > 120)) {
            in.error("path", "invalid_path", "doit nommer une direction, puis éventuellement un service et une unité, "
                    + "séparés par « / » (3 niveaux au plus, 120 caractères par nom)");
            return List.of();
        }
        return names;
    }

    /** « Direction / Service » → its names, trimmed, spaces collapsed. */
    static List<String> split(String path) {
        return List.of(path.split("/")).stream().map(n -> n.strip().replaceAll("\\s+", " ")).toList();
    }
}
