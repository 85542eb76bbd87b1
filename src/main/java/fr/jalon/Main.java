package fr.jalon;

import java.time.Clock;
import java.util.Arrays;

import fr.jalon.platform.config.JalonSettings;
import fr.jalon.platform.db.Database;
import fr.jalon.platform.db.EmbeddedDatabase;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/**
 * Entry point. Without arguments: run the service. {@code admin create-token --email E [--name N]}:
 * create (if needed) an administrator and print a new API token for it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        JalonSettings settings = JalonSettings.from(config, System.getenv());
        if (args.length > 0) {
            System.exit(command(args, settings));
        }
        Jalon jalon = Jalon.start(settings, config);
        Runtime.getRuntime().addShutdownHook(new Thread(jalon::close, "jalon-shutdown"));
    }

    private static int command(String[] args, JalonSettings settings) {
        if (args.length >= 2 && args[0].equals("admin") && args[1].equals("create-token")) {
            String email = option(args, "--email");
            if (email == null) {
                System.err.println("Usage : java -jar jalon.jar admin create-token --email <adresse> [--name <nom>]");
                return 2;
            }
            String name = option(args, "--name");
            System.out.println(createToken(settings, email, name == null ? "Administrateur" : name));
            return 0;
        }
        System.err.println("Commande inconnue : " + String.join(" ", args));
        System.err.println("Usage : java -jar jalon.jar [admin create-token --email <adresse> [--name <nom>]]");
        return 2;
    }

    private static String createToken(JalonSettings settings, String email, String name) {
        EmbeddedDatabase embedded = settings.embeddedDatabase()
                ? EmbeddedDatabase.start(settings.dataDir().resolve("postgres")) : null;
        try (Database database = embedded == null
                ? Database.connect(settings.externalDb().orElseThrow().url(), settings.externalDb().get().user(),
                        settings.externalDb().get().password(), 2)
                : Database.connect(embedded.jdbcUrl(), embedded.user(), "", 2)) {
            return Application.on(database, settings, Clock.systemUTC()).bootstrap().createToken(email, name);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String option(String[] args, String name) {
        int index = Arrays.asList(args).indexOf(name);
        return index >= 0 && index + 1 < args.length ? args[index + 1] : null;
    }
}
