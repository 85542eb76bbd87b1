package fr.jalon.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.validation.FieldError;

/**
 * Which enrolment each results row is for, without I/O: by certification number when an earlier
 * import made it known, otherwise by identity key (folded last name, first name and birth date,
 * the key people are stored with) within the row's session. A row matching nobody, two rows for one person, or one number twice are errors.
 */
final class ResultMatching {

    /** A seated candidate of one of the file's sessions, with its person's identity key. */
    record Candidate(UUID enrolmentId, UUID sessionId, String identityKey) {

        static Candidate of(UUID enrolmentId, UUID sessionId, String birthName, String firstName, LocalDate birthDate) {
            return new Candidate(enrolmentId, sessionId, Candidates.identityKey(birthName, firstName, birthDate));
        }
    }

    /** A seat in one session, by identity. */
    private record Key(UUID sessionId, String identityKey) {
    }

    /** Where a certification number already imported belongs. */
    record KnownNumber(UUID enrolmentId, UUID sessionId) {
    }

    record Match(PixResultsFile.Row row, UUID enrolmentId, UUID sessionId) {
    }

    record Outcome(List<Match> matches, List<FieldError> errors) {
    }

    private ResultMatching() {
    }

    /** {@code sessions}: Pix session number → session id, for every number the rows carry. */
    static Outcome match(List<PixResultsFile.Row> rows, Map<Long, UUID> sessions, List<Candidate> candidates,
                         Map<String, KnownNumber> known) {
        Map<Key, Candidate> byIdentity = HashMap.newHashMap(candidates.size());
        for (Candidate c : candidates) {
            byIdentity.put(new Key(c.sessionId(), c.identityKey()), c);
        }
        List<Match> matches = new ArrayList<>(rows.size());
        List<FieldError> errors = new ProblemList();
        Set<String> numbers = new HashSet<>();
        Map<UUID, Integer> lineOfEnrolment = new HashMap<>();
        for (PixResultsFile.Row row : rows) {
            UUID sessionId = sessions.get(row.sessionNumber());
            if (!numbers.add(row.certificationNumber())) {
                errors.add(new FieldError(row.line(), "Numéro de certification", "duplicate_number",
                        "Le numéro de certification " + row.certificationNumber() + " apparaît deux fois dans le fichier."));
                continue;
            }
            UUID enrolment;
            KnownNumber earlier = known.get(row.certificationNumber());
            if (earlier != null) {
                if (!earlier.sessionId().equals(sessionId)) {
                    errors.add(new FieldError(row.line(), "Numéro de certification", "number_elsewhere",
                            "Ce numéro de certification a déjà été importé pour une autre session."));
                    continue;
                }
                enrolment = earlier.enrolmentId();
            } else {
                Candidate found = byIdentity.get(new Key(sessionId,
                        Candidates.identityKey(row.lastName(), row.firstName(), row.birthDate())));
                if (found == null) {
                    errors.add(new FieldError(row.line(), "Nom", "no_match", "Aucun candidat de la session n'a ces nom, "
                            + "prénom et date de naissance : vérifiez qu'il est inscrit dans Jalon sous la même identité."));
                    continue;
                }
                enrolment = found.enrolmentId();
            }
            Integer first = lineOfEnrolment.putIfAbsent(enrolment, row.line());
            if (first != null) {
                errors.add(new FieldError(row.line(), "Nom", "duplicate_candidate",
                        "Ce candidat a déjà un résultat à la ligne " + first + " du fichier."));
                continue;
            }
            matches.add(new Match(row, enrolment, sessionId));
        }
        return new Outcome(matches, errors);
    }
}
