package fr.jalon.invigilators;

/**
 * How many invigilators a session needs: one per {@code ratio} candidates seated (rounded up),
 * and always at least one, even for an empty room being set up.
 */
record StaffingRule(int ratio) {

    static final int DEFAULT_RATIO = 20;

    StaffingRule {
        if (ratio < 1) {
            throw new IllegalArgumentException("ratio >= 1");
        }
    }

    int required(int enrolled) {
        return Math.max(1, (enrolled + ratio - 1) / ratio);
    }
}
