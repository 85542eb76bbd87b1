package fr.jalon.platform.http;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.validation.FieldError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonInputTest {

    private static JsonInput input(String json) {
        return new JsonInput(Jsons.createReader(new StringReader(json)).readObject());
    }

    private static List<String> codes(JsonInput in) {
        return assertThrows(ApiProblem.class, in::validate).errors().stream().map(FieldError::code).toList();
    }

    @Test
    void readsValidValues() {
        JsonInput in = input("{\"d\":\"2028-02-29\",\"t\":\"23:59\",\"n\":3,\"s\":\"  texte \",\"b\":true}");
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), in.date("d"));
        assertEquals(Optional.of(LocalTime.of(23, 59)), in.time("t"));
        assertEquals(Optional.of(3), in.integer("n", 1, 5));
        assertEquals(Optional.of("texte"), in.text("s", 10));
        assertEquals(Optional.of(true), in.bool("b"));
        in.validate();
    }

    @Test
    void impossibleDatesAndTimesAreErrors() {
        JsonInput in = input("{\"d\":\"2027-02-29\",\"t\":\"24:00\",\"u\":\"7:5\"}");
        in.date("d");
        in.time("t");
        in.time("u");
        assertEquals(List.of("invalid_date", "invalid_time", "invalid_time"), codes(in));
    }

    @Test
    void wrongTypesRangesAndLengthsAreErrors() {
        JsonInput in = input("{\"n\":\"3\",\"m\":9,\"f\":1.5,\"s\":\"trop long\",\"e\":\"\"}");
        in.integer("n", 0, 5);
        in.integer("m", 0, 5);
        in.integer("f", 0, 5);
        in.text("s", 3);
        in.text("e", 3);
        assertEquals(List.of("type", "out_of_range", "type", "too_long", "blank"), codes(in));
    }

    @Test
    void unknownFieldsAreRejectedAlsoInNestedObjects() {
        JsonInput in = input("{\"a\":\"x\",\"typo\":1,\"o\":{\"k\":\"v\",\"extra\":2}}");
        in.text("a", 5);
        in.object("o").orElseThrow().text("k", 5);
        ApiProblem problem = assertThrows(ApiProblem.class, in::validate);
        assertEquals(List.of("o.extra", "typo"), problem.errors().stream().map(FieldError::field).sorted().toList());
        assertTrue(problem.errors().stream().allMatch(e -> e.message().contains("n'est pas reconnu")));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        JsonInput in = input("{\"b\":null}");
        in.requiredText("a", 5);
        in.requiredText("b", 5);
        ApiProblem problem = assertThrows(ApiProblem.class, in::validate);
        assertEquals(422, problem.status());
        assertEquals(List.of("a", "b"), problem.errors().stream().map(FieldError::field).toList());
        assertEquals("Le champ « a » est obligatoire.", problem.errors().getFirst().message());
    }
}
