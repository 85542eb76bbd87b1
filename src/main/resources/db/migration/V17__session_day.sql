-- What happened on a session's day, as Pix's finalization asks for it.
CREATE TABLE session_reports (
    session_id        uuid PRIMARY KEY REFERENCES sessions (id),
    global_comment    text CHECK (char_length(global_comment) <= 500),
    has_incident      boolean NOT NULL DEFAULT false,
    has_joining_issue boolean NOT NULL DEFAULT false,
    finalized_at      timestamptz,
    finalized_by      uuid
);

-- Per candidate: late arrival (local time), comment, and whether the test was finished.
CREATE TABLE candidate_reports (
    enrolment_id  uuid PRIMARY KEY REFERENCES enrolments (id),
    arrived_at    time,
    comment       text CHECK (char_length(comment) <= 500),
    test_finished boolean NOT NULL DEFAULT true,
    abort_reason  text CHECK (abort_reason IN ('candidate', 'technical')),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE incident_reports (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    enrolment_id    uuid NOT NULL REFERENCES enrolments (id),
    category        text NOT NULL,
    subcategory     text,
    description     text CHECK (char_length(description) <= 500),
    question_number integer CHECK (question_number BETWEEN 1 AND 500),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE INDEX incident_reports_enrolment_idx ON incident_reports (enrolment_id, created_at);
