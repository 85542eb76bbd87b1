package fr.jalon.campaigns;

import java.util.UUID;

/**
 * What the participants attached directly to one service (or to none: {@code serviceId} null)
 * add up to: counts by status, sharers by mastery band, certifiable sharers, pix, and per
 * competence (by position) the sum and count of the sharers' values. Sums add up, so a
 * direction's totals are its own plus its services'.
 */
record GroupTotals(UUID serviceId, int invited, int started, int shared, int[] bands, int certifiable, long pixSum,
                   int pixCount, double[] sums, int[] counts, int[][] levelBands) {

    /** Levels of a competence in a profiles collection, grouped: 0–1, 2–3, 4–5, 6–8. */
    static final int LEVEL_BANDS = 4;
}
