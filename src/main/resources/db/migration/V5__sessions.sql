-- Certification sessions. Local date and time (with their zone) are what people see;
-- starts_at/ends_at are the same instants in UTC, used for overlaps and ordering.
CREATE TABLE sessions (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id            uuid NOT NULL REFERENCES centers (id),
    site_id              uuid NOT NULL REFERENCES sites (id),
    room_id              uuid NOT NULL REFERENCES rooms (id),
    local_date           date NOT NULL,
    start_time           time NOT NULL,
    time_zone            text NOT NULL DEFAULT 'Europe/Paris',
    duration_minutes     integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL,
    capacity             integer NOT NULL CHECK (capacity >= 1),
    description          text,
    certification_type   text NOT NULL,
    access_code          text NOT NULL,
    invigilator_password text NOT NULL,
    status               text NOT NULL CHECK (status IN ('SCHEDULED', 'FINALIZED', 'RESULTS_IMPORTED', 'CLOSED', 'CANCELLED')),
    cancellation_reason  text,
    cancelled_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    -- Two sessions never share a room at overlapping times, whatever the concurrency.
    CONSTRAINT sessions_room_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status <> 'CANCELLED')
);
-- Candidates type the access code: unique among sessions still open.
CREATE UNIQUE INDEX sessions_open_access_code_key ON sessions (access_code) WHERE status = 'SCHEDULED';
CREATE INDEX sessions_center_start_idx ON sessions (center_id, local_date, start_time, id);
CREATE INDEX sessions_start_idx ON sessions (local_date, start_time, id);
CREATE INDEX sessions_site_idx ON sessions (site_id);
