package fr.jalon.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import fr.jalon.platform.text.Folding;

/**
 * What a result says, whatever the layout of the Pix export it came in (2026 or legacy headers,
 * with or without « Type de certification », complementary names in another case or order):
 * certification number, status, score, global level, the 16 competence levels and the
 * complementary outcomes. Two rows of the same meaning are the same result: importing the other
 * layout is not a correction (which would revoke attestations). The jury's comment, the
 * certification type and the date stay as first imported: they alone make no new version.
 */
record ResultMeaning(String certificationNumber, ResultStatus status, Integer score, Integer globalLevel,
                     List<Integer> levels, List<String> complementary) {

    static ResultMeaning of(PixResultsFile.Row row) {
        return new ResultMeaning(row.certificationNumber(), row.status(), row.score(),
                row.score() == null ? null : GlobalLevel.of(row.score()), row.levels(), outcomes(row.complementary()));
    }

    static ResultMeaning of(CertificationResult stored) {
        return new ResultMeaning(stored.certificationNumber(), stored.status(), stored.score(), stored.globalLevel(),
                stored.competences(), outcomes(stored.complementary()));
    }

    /** « name=status », folded and sorted: the order and spelling of columns carry no meaning. */
    private static List<String> outcomes(List<CertificationResult.Complementary> complementary) {
        return complementary.stream().map(c -> Folding.fold(c.name()) + "=" + c.status())
                .sorted(Comparator.naturalOrder()).toList();
    }

    /** A digest of the meaning, kept with the result. */
    String digest() {
        String canonical = String.join("\u001f", certificationNumber, status.name(), String.valueOf(score),
                String.valueOf(globalLevel), levels.toString(), complementary.toString());
        return HexFormat.of().formatHex(SHA_256.get().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: looking the algorithm up for each of 100,000 rows cost more than digesting. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
