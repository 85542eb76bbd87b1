package fr.jalon.web;

import java.util.Map;

import fr.jalon.platform.templates.TemplateRenderer;

/** The page a browser gets for an address that leads nowhere (the console's own pages answer their 404s). */
public final class HomePage {

    private HomePage() {
    }

    public static String notFoundPage(TemplateRenderer templates, String path) {
        return templates.render("pages/not-found.html.vm", Map.of("chemin", path));
    }
}
