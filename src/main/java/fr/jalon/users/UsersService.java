package fr.jalon.users;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.codes.Contact;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.Cursor;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** HTTP for users and API tokens. */
final class UsersService implements ApiRoutes.ApiService {

    private final UserDirectory directory;
    private final ConsoleSignIns signIns;
    private final PasswordLinks passwordLinks;
    private final RequestBodies bodies;
    private final Clock clock;

    UsersService(UserDirectory directory, ConsoleSignIns signIns, PasswordLinks passwordLinks, RequestBodies bodies,
                 Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.signIns = signIns;
        this.passwordLinks = passwordLinks;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/me", this::me)
                .get("/users", this::list)
                .post("/users", this::create)
                .get("/users/{id}", this::get)
                .get("/users/{id}/tokens", this::tokens)
                .post("/users/{id}/tokens", this::issueToken)
                .post("/users/{id}/disable", this::disable)
                .put("/users/{id}/password", this::setPassword)
                .post("/users/{id}/password-link", this::sendPasswordLink)
                .delete("/tokens/{id}", this::revoke);
    }

    private void me(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        Responses.ok(res, user(directory.get(actor, actor.userId())));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        QueryParams params = QueryParams.of(req);
        int limit = params.limit();
        String after = params.cursor().map(c -> c.key(0)).orElse(null);
        List<UserAccount> users = directory.list(actor, limit, after);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        users.forEach(u -> items.add(user(u)));
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("items", items);
        if (users.size() == limit) {
            body.add("nextCursor", Cursor.of(users.getLast().email()).encode());
        }
        Responses.ok(res, body.build());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        JsonInput in = bodies.json(req);
        String email = in.requiredText("email", 254);
        if (email != null && !Contact.isEmail(email)) {
            in.error("email", "invalid_email", "n'est pas une adresse e-mail valide");
        }
        String name = in.requiredText("displayName", 200);
        Role role = in.required("role", in.enumValue("role", Role.class)).orElse(null);
        UUID centerId = in.uuid("centerId").orElse(null);
        UUID organisationId = in.uuid("organisationId").orElse(null);
        UUID authorityId = in.uuid("authorityId").orElse(null);
        in.validate();
        UserAccount created = directory.create(actor, new UserDirectory.NewUser(email, name, role, centerId, organisationId,
                authorityId));
        Responses.created(res, "/users/" + created.id(), user(created));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        Responses.ok(res, user(directory.get(actor, QueryParams.pathId(req, "id"))));
    }

    private void tokens(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        directory.tokens(actor, QueryParams.pathId(req, "id")).forEach(t -> items.add(token(t, clock.instant())));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void issueToken(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        UUID userId = QueryParams.pathId(req, "id");
        JsonInput in = bodies.json(req);
        String label = in.text("label", 100).orElse(null);
        Instant expiresAt = in.text("expiresAt", 40).map(text -> parseInstant(in, text)).orElse(null);
        in.validate();
        IssuedToken issued = directory.issueToken(actor, userId, label, expiresAt);
        JsonObject body = Jsons.createObjectBuilder(token(issued.info(), clock.instant()))
                .add("token", issued.secret())
                .add("notice", "Conservez ce jeton : il ne sera plus jamais affiché.")
                .build();
        res.header("Cache-Control", "no-store");
        Responses.created(res, "/users/" + userId + "/tokens", body);
    }

    private void disable(ServerRequest req, ServerResponse res) {
        Responses.ok(res, user(directory.disable(Authentication.principal(req), QueryParams.pathId(req, "id"))));
    }

    private void setPassword(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        JsonInput in = bodies.json(req);
        String password = in.requiredText("password", 1000);
        in.validate();
        signIns.setPassword(actor, QueryParams.pathId(req, "id"), password);
        Responses.noContent(res);
    }

    private void sendPasswordLink(ServerRequest req, ServerResponse res) {
        Instant expires = passwordLinks.send(Authentication.principal(req), QueryParams.pathId(req, "id"));
        Responses.accepted(res, Jsons.createObjectBuilder().add("expiresAt", expires.toString()).build());
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        directory.revoke(Authentication.principal(req), QueryParams.pathId(req, "id"));
        Responses.noContent(res);
    }

    private static Instant parseInstant(JsonInput in, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            in.error("expiresAt", "invalid_datetime", "doit être une date et heure ISO-8601, par exemple 2027-01-31T23:59:00Z");
            return null;
        }
    }

    private static JsonObject user(UserAccount u) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", u.id().toString())
                .add("email", u.email())
                .add("displayName", u.displayName())
                .add("role", u.role().name())
                .add("createdAt", u.createdAt().toString())
                .add("active", u.disabledAt() == null);
        if (u.scopeId() != null) {
            body.add(switch (u.role().scopeKind()) {
                case REFERRING_ORGANISATION -> "organisationId";
                case LOCAL_AUTHORITY -> "authorityId";
                default -> "centerId";
            }, u.scopeId().toString());
        }
        return body.build();
    }

    private static JsonObject token(TokenInfo t, Instant now) {
        JsonObjectBuilder body = Jsons.createObjectBuilder()
                .add("id", t.id().toString())
                .add("userId", t.userId().toString())
                .add("createdAt", t.createdAt().toString())
                .add("active", t.activeAt(now));
        if (t.label() != null) {
            body.add("label", t.label());
        }
        if (t.expiresAt() != null) {
            body.add("expiresAt", t.expiresAt().toString());
        }
        if (t.lastUsedAt() != null) {
            body.add("lastUsedAt", t.lastUsedAt().toString());
        }
        if (t.revokedAt() != null) {
            body.add("revokedAt", t.revokedAt().toString());
        }
        return body.build();
    }
}
