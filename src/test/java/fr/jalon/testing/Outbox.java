package fr.jalon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The development outbox of an instance ({@code <data>/outbox/<day>/<notification id>-<channel>.*}),
 * read back whatever day folder a delivery wrote to: a test never recomputes the day (midnight
 * may pass between delivery and reading).
 */
public final class Outbox {

    private Outbox() {
    }

    /** Every message file under this data directory's outbox (none if it has no outbox yet). */
    public static List<Path> files(Path dataDir) {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.exists(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of this notification id with this name ending (e.g. {@code "email.eml"}) in the tests' outbox. */
    public static Path file(String notificationId, String suffix) {
        return files(TestDatabase.DATA_DIR).stream()
                .filter(f -> f.getFileName().toString().equals(notificationId + "-" + suffix))
                .findFirst().orElseThrow(() -> new AssertionError("no outbox file " + notificationId + "-" + suffix));
    }
}
