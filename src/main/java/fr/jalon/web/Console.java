package fr.jalon.web;

import java.time.Clock;
import java.util.List;

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

    private final ConsolePages pages;
    private final ConsoleHeaders headers;

    public Console(Users users, TemplateRenderer templates, boolean development, Clock clock) {
        this.pages = new ConsolePages(users, templates, development, List.of(
                new ConsolePages.DemoAccount("personnel@demo.jalon.local", "personnel du centre", DEMO_PASSWORD),
                new ConsolePages.DemoAccount("conseillere@demo.jalon.local", "conseillère", DEMO_PASSWORD),
                new ConsolePages.DemoAccount("rh@demo.jalon.local", "ressources humaines", DEMO_PASSWORD),
                new ConsolePages.DemoAccount("admin@jalon.local", "administrateur", DEMO_PASSWORD)), clock);
        this.headers = new ConsoleHeaders(development);
    }

    public ApiRoutes.ApiService httpService() {
        return pages;
    }

    /** The security headers of every console page and asset. */
    public Filter headers() {
        return headers;
    }
}
