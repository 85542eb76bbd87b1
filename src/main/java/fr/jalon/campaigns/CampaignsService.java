package fr.jalon.campaigns;

import java.util.UUID;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Principal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;

/** Campaigns over HTTP: create, open, close, archive, invite, participation, report, certification. */
final class CampaignsService implements ApiRoutes.ApiService {

    private final CampaignDesk desk;
    private final ParticipationImport participation;
    private final CampaignReports reports;
    private final CertificationDispatch dispatch;
    private final RequestBodies bodies;

    CampaignsService(CampaignDesk desk, ParticipationImport participation, CampaignReports reports,
                     CertificationDispatch dispatch, RequestBodies bodies) {
        this.desk = desk;
        this.participation = participation;
        this.reports = reports;
        this.dispatch = dispatch;
        this.bodies = bodies;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/campaigns", this::create)
                .get("/campaigns", this::list)
                .get("/campaigns/{id}", this::get)
                .post("/campaigns/{id}/open", (req, res) -> move(req, res, CampaignStatus.OPEN))
                .post("/campaigns/{id}/close", (req, res) -> move(req, res, CampaignStatus.CLOSED))
                .post("/campaigns/{id}/archive", (req, res) -> move(req, res, CampaignStatus.ARCHIVED))
                .post("/campaigns/{id}/invitations", this::invite)
                .get("/campaigns/{id}/participants", this::participants)
                .post("/campaigns/{id}/participation", this::importParticipation)
                .get("/campaigns/{id}/report", this::report)
                .get("/campaigns/{id}/report.csv", this::reportCsv)
                .get("/campaigns/{id}/report.pdf", this::reportPdf)
                .post("/campaigns/{id}/certifications", this::certifications);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        CampaignDraft draft = bodies.read(req, CampaignForms::campaign);
        Campaign created = desk.create(actor, draft);
        Responses.created(res, "/campaigns/" + created.id(), CampaignJson.campaign(created));
    }

    private void list(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.list(Authentication.principal(req), QueryParams.of(req).limit()).forEach(c -> items.add(CampaignJson.campaign(c)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void get(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        Responses.ok(res, CampaignJson.campaign(desk.get(actor, id(req))));
    }

    private void move(ServerRequest req, ServerResponse res, CampaignStatus target) {
        Responses.ok(res, CampaignJson.campaign(desk.move(Authentication.principal(req), id(req), target)));
    }

    private void invite(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        CampaignForms.Invitation who = bodies.read(req, CampaignForms::invitation);
        int invited = desk.invite(actor, id(req), who);
        Responses.ok(res, Jsons.createObjectBuilder().add("invited", invited).build());
    }

    private void participants(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        desk.participants(Authentication.principal(req), id(req)).forEach(p -> items.add(CampaignJson.participant(p)));
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void importParticipation(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        ParticipationReport report = participation.importFile(actor, id(req), bodies.csvFile(req, PixOrgaExport.MAX_BYTES));
        Responses.ok(res, CampaignJson.participation(report));
    }

    private void report(ServerRequest req, ServerResponse res) {
        Responses.ok(res, CampaignJson.report(reports.report(Authentication.principal(req), id(req))));
    }

    private void reportCsv(ServerRequest req, ServerResponse res) {
        CampaignReport report = reports.report(Authentication.principal(req), id(req));
        Responses.file(res, "text/csv; charset=UTF-8", "rapport-" + report.campaign().code() + ".csv", ReportCsv.of(report));
    }

    private void reportPdf(ServerRequest req, ServerResponse res) {
        Responses.file(res, "application/pdf", "rapport-campagne.pdf", reports.pdf(Authentication.principal(req), id(req)));
    }

    private void certifications(ServerRequest req, ServerResponse res) {
        Principal actor = Authentication.principal(req);
        CampaignForms.Dispatch form = bodies.read(req, CampaignForms::dispatch);
        Responses.ok(res, CampaignJson.sent(dispatch.send(actor, id(req), form)));
    }

    private static UUID id(ServerRequest req) {
        return QueryParams.pathId(req, "id");
    }
}
