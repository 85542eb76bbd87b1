package fr.jalon.results;

import java.util.List;

/** Pix's reference frame: 16 competences in 5 domains, in the order of the results export (1.1 … 5.2). */
public final class Competences {

    public record Competence(String code, String name) {
    }

    public record Domain(String number, String name, List<Competence> competences) {
    }

    public static final List<Domain> DOMAINS = List.of(
            new Domain("1", "Information et données", List.of(
                    new Competence("1.1", "Mener une recherche et une veille d'information"),
                    new Competence("1.2", "Gérer des données"),
                    new Competence("1.3", "Traiter des données"))),
            new Domain("2", "Communication et collaboration", List.of(
                    new Competence("2.1", "Interagir"),
                    new Competence("2.2", "Partager et publier"),
                    new Competence("2.3", "Collaborer"),
                    new Competence("2.4", "S'insérer dans le monde numérique"))),
            new Domain("3", "Création de contenu", List.of(
                    new Competence("3.1", "Développer des documents textuels"),
                    new Competence("3.2", "Développer des documents multimédia"),
                    new Competence("3.3", "Adapter les documents à leur finalité"),
                    new Competence("3.4", "Programmer"))),
            new Domain("4", "Protection et sécurité", List.of(
                    new Competence("4.1", "Sécuriser l'environnement numérique"),
                    new Competence("4.2", "Protéger les données personnelles et la vie privée"),
                    new Competence("4.3", "Protéger la santé, le bien-être et l'environnement"))),
            new Domain("5", "Environnement numérique", List.of(
                    new Competence("5.1", "Résoudre des problèmes techniques"),
                    new Competence("5.2", "Construire un environnement numérique"))));

    /** The 16 codes in export order. */
    public static final List<String> CODES = DOMAINS.stream().flatMap(d -> d.competences().stream())
            .map(Competence::code).toList();

    public static final int COUNT = 16;
    public static final int MAX_LEVEL = 8;

    private Competences() {
    }
}
