-- The digital fragility index (IFN): census inputs per unit (by vintage), reference values, and
-- evaluations kept with their parameters, never overwritten.

CREATE TABLE fragility_inputs (
    vintage         text NOT NULL,
    unit_code       text NOT NULL,
    unit_name       text NOT NULL,
    commune_code    text NOT NULL,
    commune_name    text NOT NULL,
    -- The 2026 commune and EPCI the unit belongs to (2016 codes mapped through former codes).
    commune_2026    text NOT NULL,
    commune_2026_name text NOT NULL,
    epci_2026       text,
    departement     text NOT NULL,
    -- Counts and values by catalogue column (population, households, median_income_eur…).
    counts          jsonb NOT NULL,
    PRIMARY KEY (vintage, unit_code)
);

CREATE TABLE fragility_references (
    variable  text NOT NULL,
    territory text NOT NULL,
    value     numeric NOT NULL CHECK (value > 0),
    PRIMARY KEY (variable, territory)
);

CREATE TABLE fragility_evaluations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vintage        text NOT NULL,
    reference      text NOT NULL,
    level          text NOT NULL CHECK (level IN ('IRIS', 'COMMUNE', 'EPCI')),
    skills_year    integer,
    -- The reference value used for each variable, and whether it was supplied or pooled.
    references_used jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fragility_evaluation_units (
    evaluation_id uuid NOT NULL REFERENCES fragility_evaluations (id),
    unit_code     text NOT NULL,
    unit_name     text NOT NULL,
    -- Variable code → index (2 decimals); a variable that cannot be computed is absent.
    indices       jsonb NOT NULL,
    acces_information           numeric(8, 2),
    acces_interfaces            numeric(8, 2),
    capacites_usage             numeric(8, 2),
    competences_administratives numeric(8, 2),
    score_global                numeric(8, 2),
    PRIMARY KEY (evaluation_id, unit_code)
);
