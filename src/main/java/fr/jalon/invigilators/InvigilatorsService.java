package fr.jalon.invigilators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.calendar.HalfDay;
import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.http.ApiProblem;
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
import jakarta.json.JsonValue;

/** The invigilator pool and its staffing needs over HTTP. */
final class InvigilatorsService implements ApiRoutes.ApiService {

    private final InvigilatorDesk desk;
    private final RequestBodies bodies;

    InvigilatorsService(InvigilatorDesk desk, RequestBodies bodies) {
        this.desk = desk;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/invigilators", this::create)
                .get("/invigilators", this::list)
                .get("/invigilators/needs", this::needs)
                .get("/invigilators/{id}", this::get)
                .put("/invigilators/{id}", this::replace)
                .put("/invigilators/{id}/user", this::linkUser);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Invigilator created = desk.create(Authentication.principal(req), form(bodies.json(req)));
        Responses.created(res, "/invigilators/" + created.id(), json(created));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        Responses.ok(res, json(desk.replace(Authentication.principal(req), QueryParams.pathId(req, "id"),
                form(bodies.json(req)))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Responses.ok(res, json(desk.get(Authentication.principal(req), QueryParams.pathId(req, "id"))));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams params = QueryParams.of(req);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.list(Authentication.principal(req), params.uuid("centerId").orElse(null), params.limit(100, 500))
                .forEach(i -> items.add(json(i)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void linkUser(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        UUID user = in.uuid("userId").orElse(null);
        in.validate();
        Responses.ok(res, json(desk.linkUser(Authentication.principal(req), QueryParams.pathId(req, "id"), user)));
    }

    private void needs(ServerRequest req, ServerResponse res) {
        QueryParams params = QueryParams.of(req);
        LocalDate from = params.date("from").orElseThrow(() -> ApiProblem.badRequest(
                "Le paramètre « from » est obligatoire."));
        LocalDate to = params.date("to").orElseThrow(() -> ApiProblem.badRequest(
                "Le paramètre « to » est obligatoire."));
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (InvigilatorDesk.Need need : desk.needs(Authentication.principal(req), params.uuid("centerId").orElse(null),
                from, to)) {
            var s = need.session().session();
            items.add(Jsons.createObjectBuilder().add("sessionId", s.id().toString()).add("date", s.slot().date().toString())
                    .add("startTime", s.slot().startTime().toString()).add("siteId", s.siteId().toString())
                    .add("enrolled", s.seatsTaken()).add("ratio", need.ratio()).add("required", need.required()));
        }
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private static Invigilator form(JsonInput in) {
        UUID center = in.uuid("centerId").orElse(null);
        Invigilator.Kind kind = in.required("kind", in.enumValue("kind", Invigilator.Kind.class)).orElse(null);
        String firstName = in.requiredText("firstName", 100);
        String lastName = in.requiredText("lastName", 100);
        String email = in.text("email", 254).orElse(null);
        if (email != null && !Contact.isEmail(email)) {
            in.error("email", "invalid_email", "n'est pas une adresse e-mail valide");
        }
        String phone = in.text("phone", 30).map(p -> Contact.phoneE164(p).orElseGet(() -> {
            in.error("phone", "invalid_phone", "n'est pas un numéro de téléphone valide");
            return null;
        })).orElse(null);
        String home = in.requiredText("homeInsee", 5);
        boolean trained = in.bool("trainedPix").orElse(false);
        var habilitations = in.enumSet("habilitations", Habilitation.class, Habilitation.values().length);
        int perWeek = in.required("maxPerWeek", in.integer("maxPerWeek", 0, 30)).orElse(0);
        int perMonth = in.required("maxPerMonth", in.integer("maxPerMonth", 0, 100)).orElse(0);
        if (perWeek > perMonth) {
            in.ruleError("maxPerWeek", "above_month", "Le maximum par semaine ne peut dépasser le maximum par mois.");
        }
        List<UUID> sites = new ArrayList<>();
        for (String text : in.textList("siteIds", 50, 36)) {
            try {
                sites.add(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                in.error("siteIds", "invalid_uuid", "ne doit contenir que des identifiants de site");
            }
        }
        var weekly = EnumSet.noneOf(HalfDay.class);
        List<Invigilator.Exception> exceptions = new ArrayList<>();
        JsonInput availability = in.object("availability").orElse(null);
        if (availability != null) {
            weekly.addAll(availability.enumSet("weekly", HalfDay.class, HalfDay.values().length));
            exceptions.addAll(exceptions(availability));
        }
        boolean active = in.bool("active").orElse(true);
        in.validate();
        return new Invigilator(null, center, kind, firstName, lastName, email, phone, home, trained, habilitations, perWeek,
                perMonth, sites, weekly, exceptions, active);
    }

    /** Dated exceptions: each {@code {kind: ABSENT|AVAILABLE, from, to, note}}, the end not before the start. */
    private static List<Invigilator.Exception> exceptions(JsonInput availability) {
        List<Invigilator.Exception> list = new ArrayList<>();
        if (!availability.has("exceptions")) {
            return list;
        }
        JsonValue value = availability.raw().get("exceptions");
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > 200) {
            availability.error("exceptions", "type", "doit être une liste d'au plus 200 périodes");
            return list;
        }
        int index = 0;
        for (JsonValue item : value.asJsonArray()) {
            String field = "exceptions[" + index++ + "]";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                availability.error(field, "type", "doit être un objet");
                continue;
            }
            JsonInput e = new JsonInput(item.asJsonObject());
            var kind = e.enumValue("kind", Invigilator.ExceptionKind.class).orElse(null);
            LocalDate from = e.date("from").orElse(null);
            LocalDate to = e.date("to").orElse(null);
            String note = e.text("note", 200).orElse(null);
            if (kind == null || from == null || to == null) {
                availability.error(field, "incomplete", "doit avoir « kind » (ABSENT ou AVAILABLE), « from » et « to »");
            } else if (to.isBefore(from)) {
                availability.ruleError(field + ".to", "before_from", "La fin d'une période (" + to
                        + ") précède son début (" + from + ").");
            } else {
                list.add(new Invigilator.Exception(kind, from, to, note));
            }
        }
        return list;
    }

    private static JsonObject json(Invigilator i) {
        JsonArrayBuilder exceptions = Jsons.createArrayBuilder();
        for (Invigilator.Exception e : i.exceptions()) {
            JsonObjectBuilder b = Jsons.createObjectBuilder().add("kind", e.kind().name()).add("from", e.from().toString())
                    .add("to", e.to().toString());
            if (e.note() != null) {
                b.add("note", e.note());
            }
            exceptions.add(b);
        }
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", i.id().toString()).add("centerId", i.centerId().toString()).add("kind", i.kind().name())
                .add("firstName", i.firstName()).add("lastName", i.lastName()).add("homeInsee", i.homeInsee())
                .add("trainedPix", i.trainedPix())
                .add("habilitations", Jsons.createArrayBuilder(i.habilitations().stream().map(Enum::name).toList()))
                .add("maxPerWeek", i.maxPerWeek()).add("maxPerMonth", i.maxPerMonth())
                .add("siteIds", Jsons.createArrayBuilder(i.siteIds().stream().map(UUID::toString).toList()))
                .add("availability", Jsons.createObjectBuilder()
                        .add("weekly", Jsons.createArrayBuilder(i.weekly().stream().map(Enum::name).toList()))
                        .add("exceptions", exceptions))
                .add("active", i.active());
        if (i.email() != null) {
            body.add("email", i.email());
        }
        if (i.phone() != null) {
            body.add("phone", i.phone());
        }
        return body.build();
    }
}
