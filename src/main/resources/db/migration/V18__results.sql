-- Certification results imported from Pix Certif's session results export: one current row per
-- enrolment; a corrected file moves the previous values to the history.
CREATE TABLE certification_results (
    enrolment_id         uuid PRIMARY KEY REFERENCES enrolments (id),
    session_id           uuid NOT NULL REFERENCES sessions (id),
    certification_number text NOT NULL UNIQUE,
    certification_type   text,
    status               text NOT NULL CHECK (status IN ('VALIDATED', 'REJECTED', 'CANCELLED', 'ERROR', 'STARTED')),
    score                integer CHECK (score BETWEEN 0 AND 1024),
    global_level         integer CHECK (global_level BETWEEN 0 AND 8),
    -- The 16 competence levels 1.1 … 5.2 in order; NULL where Pix wrote '-'.
    competences          smallint[] NOT NULL CHECK (cardinality(competences) = 16),
    -- Complementary certifications: [{"name": "CléA Numérique", "status": "VALIDATED"}].
    complementary        jsonb NOT NULL DEFAULT '[]',
    jury_comment         text,
    taken_on             date,
    version              integer NOT NULL DEFAULT 1,
    -- Digest of the values: re-importing the same file changes nothing.
    fingerprint          text NOT NULL,
    imported_at          timestamptz NOT NULL DEFAULT now(),
    imported_by          uuid
);
CREATE INDEX certification_results_session_idx ON certification_results (session_id);

CREATE TABLE certification_result_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrolment_id uuid NOT NULL REFERENCES enrolments (id),
    version      integer NOT NULL,
    result       jsonb NOT NULL,
    replaced_at  timestamptz NOT NULL DEFAULT now(),
    replaced_by  uuid
);
CREATE INDEX certification_result_history_enrolment_idx ON certification_result_history (enrolment_id, version);
