package fr.jalon.results;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.validation.FieldError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultMatchingTest {

    private static final UUID SESSION = UUID.randomUUID();
    private static final LocalDate BORN = LocalDate.of(1980, 4, 2);

    private static PixResultsFile.Row row(int line, String number, String first, String last) {
        return new PixResultsFile.Row(line, number, first, last, BORN, null, null, null, ResultStatus.VALIDATED, 300,
                Collections.nCopies(16, 3), List.of(), null, 55L, null);
    }

    @Test
    void namesMatchWhateverTheirAccentsCaseAndPunctuation() {
        ResultMatching.Candidate anne = ResultMatching.Candidate.of(UUID.randomUUID(), SESSION, "D'ARTIGUES", "Anne-Sophie", BORN);
        ResultMatching.Outcome outcome = ResultMatching.match(List.of(row(2, "1", "anne sophie", "d artigues")),
                Map.of(55L, SESSION), List.of(anne), Map.of());
        assertEquals(List.of(), outcome.errors());
        assertEquals(anne.enrolmentId(), outcome.matches().getFirst().enrolmentId());
    }

    @Test
    void aKnownCertificationNumberWinsOverTheName() {
        UUID enrolment = UUID.randomUUID();
        ResultMatching.Outcome outcome = ResultMatching.match(List.of(row(2, "1", "Nom", "Corrigé")), Map.of(55L, SESSION),
                List.of(), Map.of("1", new ResultMatching.KnownNumber(enrolment, SESSION)));
        assertEquals(enrolment, outcome.matches().getFirst().enrolmentId());
    }

    @Test
    void nobodyTwiceTheSamePersonOrNumberAreErrors() {
        ResultMatching.Candidate anne = ResultMatching.Candidate.of(UUID.randomUUID(), SESSION, "Dupont", "Anne", BORN);
        ResultMatching.Outcome outcome = ResultMatching.match(List.of(row(2, "1", "Anne", "Dupont"),
                row(3, "2", "Anne", "Dupont"), row(4, "2", "Paul", "Dupont"), row(5, "9", "Inconnu", "Personne")),
                Map.of(55L, SESSION), List.of(anne), Map.of());
        assertEquals(List.of("duplicate_candidate", "duplicate_number", "no_match"),
                outcome.errors().stream().map(FieldError::code).toList());
        assertEquals(List.of(3, 4, 5), outcome.errors().stream().map(FieldError::line).toList());
    }
}
