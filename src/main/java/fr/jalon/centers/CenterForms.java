package fr.jalon.centers;

import java.util.Set;

import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.codes.Siret;
import fr.jalon.platform.http.JsonInput;

/** Reads and checks the JSON bodies of centres, sites and rooms; every problem is reported at once. */
final class CenterForms {

    private CenterForms() {
    }

    static CenterDraft center(JsonInput in) {
        String name = in.requiredText("name", 200);
        CenterType type = in.required("type", in.enumValue("type", CenterType.class)).orElse(null);
        String siret = in.required("siret", in.text("siret", 30)).map(Siret::normalize).orElse(null);
        if (siret != null && !Siret.isValidSiret(siret)) {
            in.error("siret", "invalid_siret", "n'est pas un SIRET valide (14 chiffres et clé de contrôle)");
        }
        Set<Habilitation> habilitations = in.enumSet("habilitations", Habilitation.class, Habilitation.values().length);
        String email = in.text("contactEmail", 254).orElse(null);
        if (email != null && !Contact.isEmail(email)) {
            in.error("contactEmail", "invalid_email", "n'est pas une adresse e-mail valide");
        }
        String phone = in.text("contactPhone", 30).map(text -> Contact.phoneE164(text).orElseGet(() -> {
            in.error("contactPhone", "invalid_phone", "n'est pas un numéro de téléphone valide");
            return null;
        })).orElse(null);
        int ratio = in.integer("staffRatio", 1, 100).orElse(20);
        return new CenterDraft(name, type, siret, habilitations, email, phone, ratio);
    }

    static SiteDraft site(JsonInput in) {
        String name = in.requiredText("name", 200);
        JsonInput address = in.required("address", in.object("address")).orElse(null);
        String line1 = null;
        String line2 = null;
        String postalCode = null;
        String city = null;
        if (address != null) {
            line1 = address.requiredText("line1", 200);
            line2 = address.text("line2", 200).orElse(null);
            postalCode = address.requiredText("postalCode", 5);
            if (postalCode != null && !postalCode.matches("\\d{5}")) {
                address.error("postalCode", "invalid_postal_code", "doit comporter 5 chiffres");
            }
            city = address.requiredText("city", 100);
        }
        String commune = in.requiredText("communeInsee", 5);
        if (commune != null && !commune.matches("\\d[0-9AB]\\d{3}")) {
            in.error("communeInsee", "invalid_insee", "doit être un code INSEE de 5 caractères");
        }
        String accessibility = in.text("accessibilityInfo", 1000).orElse(null);
        boolean wheelchair = in.bool("wheelchairAccessible").orElse(false);
        return new SiteDraft(name, line1, line2, postalCode, city, commune, accessibility, wheelchair);
    }

    static RoomDraft room(JsonInput in) {
        String name = in.requiredText("name", 100);
        int seats = in.required("seats", in.integer("seats", 1, 500)).orElse(0);
        boolean accessible = in.bool("accessible").orElse(false);
        return new RoomDraft(name, seats, accessible);
    }
}
