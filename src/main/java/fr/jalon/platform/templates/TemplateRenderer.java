package fr.jalon.platform.templates;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;

/**
 * Renders the Velocity templates of {@code templates/} (packaged in the jar), or their reworded
 * copies from a directory set in configuration, which win. Strict mode: a reference to an unknown
 * variable is an error, found at start-up by {@link MessageCatalogue#validate}, not at send time.
 * In HTML templates every inserted value is escaped.
 */
public final class TemplateRenderer {

    private final VelocityEngine engine = new VelocityEngine();
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    public TemplateRenderer(Optional<Path> overrideDirectory) {
        boolean override = overrideDirectory.filter(Files::isDirectory).isPresent();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, override ? "file,class" : "class");
        if (override) {
            engine.setProperty("resource.loader.file.class", FileResourceLoader.class.getName());
            engine.setProperty("resource.loader.file.path", overrideDirectory.get().toAbsolutePath().toString());
        }
        engine.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        // Parsed once: re-reading a template for every message cost milliseconds each. A reworded
        // template is therefore taken at the next start, where it is also validated.
        engine.setProperty("resource.loader.class.cache", true);
        engine.setProperty("resource.loader.file.cache", true);
        engine.setProperty("resource.loader.file.modification_check_interval", -1);
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.init();
    }

    /** Renders {@code name} (e.g. {@code mail/convocation.html.vm}) with the model. */
    public String render(String name, Map<String, Object> model) {
        Template template = engine.getTemplate(resolved.computeIfAbsent(name, this::resourceName));
        // The model is read through a context of its own, so #set works on an immutable model too.
        VelocityContext context = new VelocityContext(new VelocityContext(model));
        if (name.endsWith(".html.vm")) {
            EventCartridge escaping = new EventCartridge();
            escaping.addEventHandler(new HtmlEscape());
            escaping.attachToContext(context);
        }
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }

    /** The reworded copy's name when there is one, the packaged template's otherwise. */
    private String resourceName(String name) {
        boolean classpathOnly = !engine.getProperty(RuntimeConstants.RESOURCE_LOADERS).toString().contains("file");
        return classpathOnly || !hasOverride(name) ? "templates/" + name : name;
    }

    private boolean hasOverride(String name) {
        Object path = engine.getProperty("resource.loader.file.path");
        return path != null && Files.isRegularFile(Path.of(path.toString(), name));
    }
}
