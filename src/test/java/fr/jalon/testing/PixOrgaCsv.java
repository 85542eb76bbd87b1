package fr.jalon.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pix Orga campaign exports as DESIGN.md gives their headers: assessment or profiles collection. */
public final class PixOrgaCsv {

    /** The 16 competences of the Pix framework, in its order. */
    public static final List<String> COMPETENCES = List.of("1.1 Mener une recherche et une veille d'information",
            "1.2 Gérer des données", "1.3 Traiter des données", "2.1 Interagir", "2.2 Partager et publier",
            "2.3 Collaborer", "2.4 S'insérer dans le monde numérique", "3.1 Développer des documents textuels",
            "3.2 Développer des documents multimedia", "3.3 Adapter les documents à leur finalité", "3.4 Programmer",
            "4.1 Sécuriser l'environnement numérique", "4.2 Protéger les données personnelles et la vie privée",
            "4.3 Protéger la santé, le bien-être et l'environnement", "5.1 Résoudre des problèmes techniques",
            "5.2 Construire un environnement numérique");

    private final boolean assessment;
    private final String code;
    private final String externalIdLabel;
    private final List<String> competences;
    private final List<String> lines = new ArrayList<>();

    private PixOrgaCsv(boolean assessment, String code, String externalIdLabel, List<String> competences) {
        this.assessment = assessment;
        this.code = code;
        this.externalIdLabel = externalIdLabel;
        this.competences = competences;
    }

    public static PixOrgaCsv assessment(String code, String externalIdLabel, List<String> competences) {
        return new PixOrgaCsv(true, code, externalIdLabel, competences);
    }

    public static PixOrgaCsv profiles(String code, String externalIdLabel, List<String> competences) {
        return new PixOrgaCsv(false, code, externalIdLabel, competences);
    }

    public String header() {
        StringBuilder h = new StringBuilder("Nom de l'organisation;ID Campagne;Code;Nom de la campagne;");
        if (assessment) {
            h.append("Parcours;");
        }
        h.append("Nom du Participant;Prénom du Participant;").append(externalIdLabel).append(';');
        if (assessment) {
            h.append("% de progression;Date de début;Partage (O/N);Date du partage;"
                    + "% maitrise de l'ensemble des acquis du profil");
            for (String c : competences) {
                h.append(";% de maitrise des acquis de la compétence ").append(c)
                        .append(";Nombre d'acquis du profil cible dans la compétence ").append(c)
                        .append(";Acquis maitrisés dans la compétence ").append(c);
            }
            h.append(";% de maitrise des acquis du domaine Informations et données;Nombre d'acquis du profil cible du "
                    + "domaine Informations et données;Acquis maitrisés du domaine Informations et données");
        } else {
            h.append("Date de début;Envoi (O/N);Date de l'envoi;Nombre de pix total;Certifiable (O/N);"
                    + "Nombre de compétences certifiables");
            for (String c : competences) {
                h.append(";Niveau pour la compétence ").append(c).append(";Nombre de pix pour la compétence ").append(c);
            }
        }
        return h.toString();
    }

    /** An assessment row; {@code mastery} 0–1 for the overall profile and for every competence; empty if not shared. */
    public PixOrgaCsv assessmentRow(String externalId, String lastName, String firstName, double progression,
                                    boolean shared, double mastery) {
        StringBuilder r = new StringBuilder("Commune;4242;").append(code).append(";Évaluation;Socle commun;")
                .append(lastName).append(';').append(firstName).append(';').append(externalId).append(';')
                .append(String.format(Locale.ROOT, "%.2f", progression).replace('.', ',')).append(";02/11/2026;")
                .append(shared ? "O;05/11/2026;" : "N;;").append(shared ? String.format(Locale.ROOT, "%.2f", mastery) : "NA");
        for (int i = 0; i < competences.size(); i++) {
            r.append(';').append(shared ? String.format(Locale.ROOT, "%.2f", mastery) : "NA").append(";6;").append(shared ? "3" : "NA");
        }
        r.append(';').append(shared ? String.format(Locale.ROOT, "%.2f", mastery) : "NA").append(";18;").append(shared ? "9" : "NA");
        lines.add(r.toString());
        return this;
    }

    /** A profiles-collection row: the same level and 8 pix per level in every competence. */
    public PixOrgaCsv profilesRow(String externalId, String lastName, String firstName, boolean sent, int level,
                                  boolean certifiable) {
        StringBuilder r = new StringBuilder("Commune;4243;").append(code).append(";Collecte;").append(lastName).append(';')
                .append(firstName).append(';').append(externalId).append(";02/11/2026;")
                .append(sent ? "O;05/11/2026;" : "N;;")
                .append(sent ? String.valueOf(level * 8 * competences.size()) : "").append(';')
                .append(sent ? (certifiable ? "O" : "N") : "").append(';').append(sent ? (certifiable ? "5" : "2") : "");
        for (int i = 0; i < competences.size(); i++) {
            r.append(';').append(sent ? String.valueOf(level) : "").append(';').append(sent ? String.valueOf(level * 8) : "");
        }
        lines.add(r.toString());
        return this;
    }

    /** A raw line, for faulty files. */
    public PixOrgaCsv line(String raw) {
        lines.add(raw);
        return this;
    }

    public byte[] bytes() {
        return ("\uFEFF" + header() + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
