package fr.jalon.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Retention of the files the {@code file} transport writes: they hold whole messages (names, addresses). */
final class OutboxFiles {

    private OutboxFiles() {
    }

    /** Deletes regular files last written before {@code before}, then emptied day folders; returns how many files went. */
    static int purge(Path root, Instant before) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                if (Files.isRegularFile(path) && Files.getLastModifiedTime(path).toInstant().isBefore(before)) {
                    Files.delete(path);
                    deleted++;
                } else if (Files.isDirectory(path) && !path.equals(root) && isEmpty(path) && dayBefore(path, before)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Purge de l'outbox interrompue", e);
        }
        return deleted;
    }

    /** A day folder ({@code 2026-03-01}) of a day before the limit: today's may be written to any moment. */
    private static boolean dayBefore(Path dir, Instant before) {
        try {
            return LocalDate.parse(dir.getFileName().toString())
                    .isBefore(LocalDate.ofInstant(before, ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
