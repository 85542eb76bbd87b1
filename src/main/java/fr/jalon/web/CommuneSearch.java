package fr.jalon.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.JsonText;
import fr.jalon.platform.json.Jsons;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;

/**
 * The commune search behind the forms' INSEE code fields, for the console's script: a signed-in
 * browser types a name, gets the matching communes (code, name, département) as JSON. Through
 * {@code /api/v1/territory/communes}; without the script, the fields take the code as typed.
 */
final class CommuneSearch implements ApiRoutes.ApiService {

    static final String PATH = "/console/communes";
    private static final int LIMIT = 10;

    private final WebContext web;

    CommuneSearch(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PATH, this::search);
    }

    private void search(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.signedIn(req);
        if (signed.isEmpty()) {
            res.status(401).header(HeaderNames.CONTENT_TYPE, "application/json").send("[]");
            return;
        }
        String typed = req.query().first("q").orElse("").strip();
        JsonArrayBuilder found = Jsons.createArrayBuilder();
        if (typed.length() >= 2 && typed.length() <= 100) {
            for (Map<String, Object> c : web.api.get(req, signed.get().token(), "/territory/communes?limit=" + LIMIT
                    + "&q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)).items()) {
                found.add(Jsons.createObjectBuilder().add("code", String.valueOf(c.get("codeInsee")))
                        .add("nom", String.valueOf(c.get("name"))).add("departement", String.valueOf(c.get("departement"))));
            }
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8").send(JsonText.write(found.build()));
    }
}
