package fr.jalon.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.users.Users;

import io.helidon.webserver.http.Filter;

/**
 * The web console (feature {@code web}): server-rendered French pages over the API, for people
 * who are not developers. {@code development} (the embedded database) drops {@code Secure} from
 * cookies and HSTS, and lists the demo accounts on the sign-in page.
 */
public final class Console {

    /** The password of every demo account (development only; the README lists the accounts). */
    public static final String DEMO_PASSWORD = "Jalon-Demo-2026";

    private final List<ApiRoutes.ApiService> pages;
    private final ConsoleHeaders headers;

    public Console(Users users, TemplateRenderer templates, boolean development, Clock clock) {
        WebContext web = new WebContext(users, templates, development, List.of(
                demo("personnel@demo.jalon.local", "personnel du centre"),
                demo("conseillere@demo.jalon.local", "conseillère (France Travail)"),
                demo("rh@demo.jalon.local", "ressources humaines"),
                demo("surveillant@demo.jalon.local", "surveillant bénévole"),
                demo("admin@jalon.local", "administrateur")), clock);
        this.pages = List.of(new SignInPages(web), new PasswordPages(web), new PlanningPages(web),
                new StaffPages(web), new AdviserPages(web), new InvigilatorPages(web),
                new FragilityPages(web), new AdminPages(web),
                new SessionDayPages(web), new ResultsPages(web), new ReferralPages(web), new PoolPages(web),
                new NotificationPages(web), new AuthorityPages(web), new CampaignPages(web),
                new CommuneSearch(web));
        this.headers = new ConsoleHeaders(development);
    }

    private static Map<String, String> demo(String email, String role) {
        return Map.of("email", email, "role", role, "password", DEMO_PASSWORD);
    }

    /** The console's pages, by role. */
    public List<ApiRoutes.ApiService> httpServices() {
        return pages;
    }

    /** The security headers of every console page and asset. */
    public Filter headers() {
        return headers;
    }
}
