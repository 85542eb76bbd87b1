package fr.jalon.sessionday;

import java.util.List;

/**
 * Pix Certif's incident report categories (finalization), with their subcategories and what each
 * needs: a question number for a problem inside a question, a description where staff must say
 * what happened.
 */
enum IncidentCategory {
    CANDIDATE_INFORMATIONS_CHANGES("Modification des informations du candidat",
            List.of("NAME_OR_BIRTHDATE", "EXTRA_TIME_PERCENTAGE"), false, true),
    SIGNATURE_ISSUE("Problème de signature (émargement)", List.of(), false, false),
    IN_CHALLENGE("Problème sur une question", List.of("IMAGE_NOT_DISPLAYING", "EMBED_NOT_WORKING", "FILE_NOT_OPENING",
            "WEBSITE_UNAVAILABLE", "WEBSITE_BLOCKED", "EXTRA_TIME_EXCEEDED", "SOFTWARE_NOT_WORKING",
            "UNINTENTIONAL_FOCUS_OUT", "SKIP_ON_OOPS", "ACCESSIBILITY_ISSUE"), true, false),
    FRAUD("Suspicion de fraude", List.of(), false, true),
    NON_BLOCKING_CANDIDATE_ISSUE("Incident non bloquant lié au candidat", List.of(), false, true),
    NON_BLOCKING_TECHNICAL_ISSUE("Incident technique non bloquant", List.of(), false, true);

    private final String label;
    private final List<String> subcategories;
    private final boolean needsQuestion;
    private final boolean needsDescription;

    IncidentCategory(String label, List<String> subcategories, boolean needsQuestion, boolean needsDescription) {
        this.label = label;
        this.subcategories = subcategories;
        this.needsQuestion = needsQuestion;
        this.needsDescription = needsDescription;
    }

    String label() {
        return label;
    }

    List<String> subcategories() {
        return subcategories;
    }

    boolean needsSubcategory() {
        return !subcategories.isEmpty();
    }

    boolean needsQuestion() {
        return needsQuestion;
    }

    boolean needsDescription() {
        return needsDescription;
    }
}
