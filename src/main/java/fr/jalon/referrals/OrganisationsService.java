package fr.jalon.referrals;

import java.util.UUID;
import java.util.function.Predicate;

import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.codes.Siret;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Referring organisations over HTTP. */
final class OrganisationsService implements ApiRoutes.ApiService {

    private final OrganisationDesk desk;
    private final RequestBodies bodies;
    private final Predicate<UUID> centerExists;

    OrganisationsService(OrganisationDesk desk, RequestBodies bodies, Predicate<UUID> centerExists) {
        this.desk = desk;
        this.bodies = bodies;
        this.centerExists = centerExists;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/referring-organisations", this::create)
                .get("/referring-organisations", this::list)
                .get("/referring-organisations/{id}", this::get)
                .put("/referring-organisations/{id}/webhook", this::webhook);
    }

    private void create(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        OrganisationKind kind = in.required("kind", in.enumValue("kind", OrganisationKind.class)).orElse(null);
        String name = in.requiredText("name", 200);
        String siret = in.required("siret", in.text("siret", 20)).map(Siret::normalize).orElse(null);
        if (siret != null && !Siret.isValidSiret(siret)) {
            in.error("siret", "invalid_siret", "n'est pas un SIRET valide (14 chiffres, clé de contrôle)");
        }
        String safir = in.text("safirCode", 5).orElse(null);
        if (safir != null && !safir.matches("\\d{5}")) {
            in.error("safirCode", "invalid_safir", "doit compter 5 chiffres");
        } else if (safir != null && kind != OrganisationKind.FT) {
            in.error("safirCode", "unexpected", "ne concerne que les agences France Travail (kind FT)");
        }
        String line1 = null;
        String postalCode = null;
        String city = null;
        JsonInput address = in.object("address").orElse(null);
        if (address != null) {
            line1 = address.text("line1", 200).orElse(null);
            postalCode = address.text("postalCode", 5).orElse(null);
            city = address.text("city", 100).orElse(null);
        }
        String email = in.text("contactEmail", 254).orElse(null);
        if (email != null && !Contact.isEmail(email)) {
            in.error("contactEmail", "invalid_email", "n'est pas une adresse e-mail valide");
        }
        String phone = in.text("contactPhone", 30).map(p -> Contact.phoneE164(p).orElseGet(() -> {
            in.error("contactPhone", "invalid_phone", "n'est pas un numéro de téléphone valide");
            return null;
        })).orElse(null);
        var centers = in.textList("centerIds", 50, 36).stream().map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                in.error("centerIds", "invalid_uuid", "ne doit contenir que des identifiants de centre");
                return null;
            }
        }).toList();
        if (centers.isEmpty()) {
            in.error("centerIds", "required", "doit citer au moins un centre vers lequel la structure oriente");
        }
        in.validate();
        Organisation created = desk.create(Authentication.principal(req), new Organisation(null, kind, name, siret, safir,
                line1, postalCode, city, email, phone, null, centers, null), centerExists);
        Responses.created(res, "/referring-organisations/" + created.id(), json(created));
    }

    private void list(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.list(Authentication.principal(req), QueryParams.of(req).limit()).forEach(o -> items.add(json(o)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Responses.ok(res, json(desk.get(Authentication.principal(req), QueryParams.pathId(req, "id"))));
    }

    private void webhook(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        String url = in.text("url", 500).orElse(null);
        if (url != null && !url.matches("https?://[^\\s]+")) {
            in.error("url", "invalid_url", "doit être une adresse http(s)");
        }
        in.validate();
        String secret = desk.setWebhook(Authentication.principal(req), QueryParams.pathId(req, "id"), url);
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("url", url == null ? "" : url);
        if (secret != null) {
            body.add("secret", secret);
        }
        Responses.ok(res, body.build());
    }

    private static JsonObject json(Organisation o) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", o.id().toString())
                .add("kind", o.kind().name())
                .add("name", o.name())
                .add("siret", o.siret())
                .add("webhook", o.webhookUrl() != null)
                .add("centerIds", Jsons.createArrayBuilder(o.centerIds().stream().map(UUID::toString).toList()));
        if (o.safirCode() != null) {
            body.add("safirCode", o.safirCode());
        }
        if (o.contactEmail() != null) {
            body.add("contactEmail", o.contactEmail());
        }
        if (o.contactPhone() != null) {
            body.add("contactPhone", o.contactPhone());
        }
        if (o.addressLine1() != null || o.city() != null) {
            body.add("address", Jsons.createObjectBuilder().add("line1", String.valueOf(o.addressLine1()))
                    .add("postalCode", String.valueOf(o.postalCode())).add("city", String.valueOf(o.city())));
        }
        return body.build();
    }
}
