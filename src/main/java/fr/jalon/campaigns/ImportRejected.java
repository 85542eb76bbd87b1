package fr.jalon.campaigns;

import java.util.List;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.validation.FieldError;

/** A file refused as a whole, with every problem on its line; nothing of it was applied. */
final class ImportRejected extends ApiProblem {

    ImportRejected(List<FieldError> errors) {
        super(422, "import-rejected", "Fichier refusé",
                errors.size() == 1 ? "Le fichier n'a pas été importé : " + errors.getFirst().message()
                        : "Le fichier n'a pas été importé : " + ProblemList.summary(errors) + ".",
                errors);
    }
}
