-- Anonymised aggregates of certification results by residence (per calendar year), versioned:
-- each computation is a new set, never overwritten. They hold no person and survive retention.
CREATE TABLE skills_aggregate_sets (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    year        integer NOT NULL,
    version     integer NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (year, version)
);

CREATE TABLE skills_aggregates (
    set_id        uuid NOT NULL REFERENCES skills_aggregate_sets (id),
    level         text NOT NULL CHECK (level IN ('DEPARTEMENT', 'EPCI', 'COMMUNE')),
    code          text NOT NULL,
    name          text NOT NULL,
    parent_code   text,
    -- NULL where withheld (fewer than 11 persons, or secondary suppression): see withheld.
    persons       integer,
    mean_score    integer,
    -- Shares in whole percent; NULL where 0 % or 100 % (never published) or withheld.
    share_below_3 integer,
    level_shares  jsonb,
    withheld      text,
    PRIMARY KEY (set_id, level, code)
);
