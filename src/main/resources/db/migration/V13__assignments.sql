-- Who invigilates which session. Manual for now (automatic planning comes with the planner);
-- a locked assignment is kept as it is by any re-planning.
CREATE TABLE assignments (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id     uuid NOT NULL REFERENCES sessions (id),
    invigilator_id uuid NOT NULL REFERENCES invigilators (id),
    status         text NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('PUBLISHED', 'CONFIRMED', 'DECLINED')),
    locked         boolean NOT NULL DEFAULT false,
    decline_reason text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (session_id, invigilator_id)
);
CREATE INDEX assignments_invigilator_idx ON assignments (invigilator_id);
