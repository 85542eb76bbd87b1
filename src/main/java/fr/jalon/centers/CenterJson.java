package fr.jalon.centers;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** JSON views of centres, sites and rooms. */
final class CenterJson {

    private CenterJson() {
    }

    static JsonObject center(Center c) {
        CenterDraft d = c.draft();
        JsonArrayBuilder habilitations = Jsons.createArrayBuilder();
        d.habilitations().forEach(h -> habilitations.add(Jsons.createObjectBuilder()
                .add("code", h.name()).add("label", h.label())));
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", c.id().toString())
                .add("name", d.name())
                .add("type", d.type().name())
                .add("siret", d.siret())
                .add("habilitations", habilitations)
                .add("staffRatio", d.staffRatio())
                .add("createdAt", c.createdAt().toString())
                .add("updatedAt", c.updatedAt().toString());
        addIfPresent(body, "contactEmail", d.contactEmail());
        addIfPresent(body, "contactPhone", d.contactPhone());
        return body.build();
    }

    static JsonObject site(Site s) {
        SiteDraft d = s.draft();
        JsonObjectBuilder address = Jsons.createObjectBuilder().add("line1", d.addressLine1());
        addIfPresent(address, "line2", d.addressLine2());
        address.add("postalCode", d.postalCode()).add("city", d.city());
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", s.id().toString())
                .add("centerId", s.centerId().toString())
                .add("name", d.name())
                .add("address", address)
                .add("communeInsee", d.communeInsee())
                .add("wheelchairAccessible", d.wheelchairAccessible());
        addIfPresent(body, "accessibilityInfo", d.accessibilityInfo());
        return body.build();
    }

    static JsonObject room(Room r) {
        return Jsons.createObjectBuilder()
                .add("id", r.id().toString())
                .add("siteId", r.siteId().toString())
                .add("centerId", r.centerId().toString())
                .add("name", r.draft().name())
                .add("seats", r.draft().seats())
                .add("accessible", r.draft().accessible())
                .build();
    }

    private static void addIfPresent(JsonObjectBuilder body, String field, String value) {
        if (value != null) {
            body.add(field, value);
        }
    }
}
