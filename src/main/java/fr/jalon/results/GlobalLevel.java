package fr.jalon.results;

/**
 * The global level Pix derives from a certification score (DESIGN.md): 8 pix per level step
 * of a competence, hence bands of 128 pix above the first 64.
 */
public final class GlobalLevel {

    /** The highest score reachable today (16 competences, up to level 7 of 8 open). */
    public static final int MAX_REACHABLE_SCORE = 895;
    public static final int MAX_SCORE = 1024;

    private static final int[] LOWER_BOUNDS = {0, 64, 128, 256, 384, 512, 640, 768, 896};
    private static final String[] LABELS = {"Pas de niveau", "Novice 1", "Novice 2", "Indépendant 3", "Indépendant 4",
        "Avancé 5", "Avancé 6", "Expert 7", "Expert 8"};

    private GlobalLevel() {
    }

    /** 0 (no level) to 8 (Expert 8). */
    public static int of(int score) {
        if (score < 0 || score > MAX_SCORE) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
        int level = 0;
        while (level + 1 < LOWER_BOUNDS.length && score >= LOWER_BOUNDS[level + 1]) {
            level++;
        }
        return level;
    }

    public static String label(int level) {
        return LABELS[level];
    }
}
