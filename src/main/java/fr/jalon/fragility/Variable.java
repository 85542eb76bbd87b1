package fr.jalon.fragility;

/**
 * The catalogue of variables (DESIGN.md): each one's axis, how it is measured (a share
 * {@code numerator / denominator} of input counts, or a value such as the median income) and its
 * orientation — more means more fragile ({@code DIRECT}, index {@code 100 × local / reference})
 * or less fragile ({@code INVERSE}, {@code 100 × reference / local}: income, network coverage, and
 * public services per inhabitant).
 */
public enum Variable {
    SHARE_ONE_PERSON_HOUSEHOLDS("share_one_person_households", Axis.ACCES_INFORMATION, "one_person_households",
            "households", false),
    SHARE_SINGLE_PARENT_FAMILIES("share_single_parent_families", Axis.ACCES_INFORMATION, "single_parent_families",
            "families", false),
    PUBLIC_SERVICES_PER_INHABITANT("public_services_per_inhabitant", Axis.ACCES_INFORMATION, "public_services",
            "population", true),
    HD_COVERAGE("hd_coverage", Axis.ACCES_INTERFACES, "hd_coverage_rate", null, true),
    MOBILE_4G_COVERAGE("mobile_4g_coverage", Axis.ACCES_INTERFACES, "mobile_4g_coverage_rate", null, true),
    POVERTY_RATE("poverty_rate", Axis.ACCES_INTERFACES, "poverty_rate", null, false),
    MEDIAN_INCOME("median_income_eur", Axis.ACCES_INTERFACES, "median_income_eur", null, true),
    SHARE_65_PLUS("share_65_plus", Axis.CAPACITES_USAGE, "population_65_plus", "population", false),
    SHARE_LOW_QUALIFIED("share_low_qualified", Axis.CAPACITES_USAGE, "non_schooled_15_plus_low_qualified",
            "non_schooled_15_plus", false),
    SHARE_15_29("share_15_29", Axis.COMPETENCES_ADMINISTRATIVES, "population_15_29", "population", false),
    SHARE_UNEMPLOYED("share_unemployed_15_64", Axis.COMPETENCES_ADMINISTRATIVES, "unemployed_15_64", "labour_force",
            false),
    /**
     * Measured skills: the share of certified residents below global level 3 (the skills
     * aggregates of a year, not a census count); added to an evaluation asked with a skills year.
     */
    SKILLS_BELOW_LEVEL_3("share_certified_below_level_3", Axis.CAPACITES_USAGE, "certified_below_level_3_percent",
            null, false);

    private final String code;
    private final Axis axis;
    private final String numerator;
    private final String denominator;
    private final boolean inverse;

    Variable(String code, Axis axis, String numerator, String denominator, boolean inverse) {
        this.code = code;
        this.axis = axis;
        this.numerator = numerator;
        this.denominator = denominator;
        this.inverse = inverse;
    }

    public String code() {
        return code;
    }

    public Axis axis() {
        return axis;
    }

    /** The input column counted (a share's numerator) or read (a value). */
    String numerator() {
        return numerator;
    }

    /** The input column dividing, or null for a value (a rate, an income). */
    String denominator() {
        return denominator;
    }

    boolean isValue() {
        return denominator == null;
    }

    boolean inverse() {
        return inverse;
    }

    static Variable ofCode(String code) {
        for (Variable v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variable " + code);
    }
}
