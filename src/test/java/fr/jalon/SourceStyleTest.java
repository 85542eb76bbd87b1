package fr.jalon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house's writing rules for the main sources: types are imported, not spelled out in full
 * (except where a simple name clashes with one of the package's own), and each file has one
 * sorted import block (java, then fr.jalon, then the others, then static imports).
 */
class SourceStyleTest {

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.\"])((?:java|javax|jakarta|io|fr|org|com|okhttp3)\\.(?:[a-z][a-z0-9_]*\\.)+)([A-Z]\\w*)");
    /** Simple names taken by the package itself, so the library's type is written in full. */
    private static final Set<String> CLASHES = Set.of("jakarta.mail.Transport", "jakarta.mail.Message");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void typesAreImportedNotWrittenInFull() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            boolean textBlock = false;
            for (String line : Files.readAllLines(file)) {
                String code = line.strip();
                if (line.startsWith("import ") || line.startsWith("package ")) {
                    continue;
                }
                if (line.contains("\"\"\"")) {
                    textBlock ^= (line.split("\"\"\"", -1).length - 1) % 2 == 1;
                    continue;
                }
                if (textBlock || code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                    continue;
                }
                Matcher m = QUALIFIED.matcher(line);
                while (m.find()) {
                    String name = m.group(1) + m.group(2);
                    if (line.substring(0, m.start()).chars().filter(c -> c == '"').count() % 2 == 0
                            && !CLASHES.contains(name)) {
                        found.add(file.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "write these as imports: " + found);
    }

    @Test
    void eachFileHasOneSortedImportBlock() throws IOException {
        List<String> unsorted = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("import ")) {
                    at.add(i);
                }
            }
            if (at.isEmpty()) {
                continue;
            }
            List<String> block = lines.subList(at.getFirst(), at.getLast() + 1);
            List<String> imports = block.stream().filter(l -> !l.isBlank()).toList();
            List<String> expected = imports.stream().sorted(Comparator.comparingInt(SourceStyleTest::group)
                    .thenComparing(Comparator.naturalOrder())).toList();
            boolean onlyImports = block.stream().allMatch(l -> l.isBlank() || l.startsWith("import "));
            if (!onlyImports || !imports.equals(expected)) {
                unsorted.add(file.getFileName().toString());
            }
        }
        assertTrue(unsorted.isEmpty(), "imports not in one sorted block: " + unsorted);
    }

    private static int group(String line) {
        String name = line.substring("import ".length());
        if (name.startsWith("static ")) {
            return 3;
        }
        return name.startsWith("java.") || name.startsWith("javax.") ? 0 : name.startsWith("fr.jalon.") ? 1 : 2;
    }
}
