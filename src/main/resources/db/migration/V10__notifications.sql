-- The notification outbox: one row per message to send. The unique key makes a second copy of
-- the same message (same person, kind, subject, offset, channel) impossible, whatever retries
-- or instances do.
CREATE TABLE notifications (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind            text NOT NULL,
    -- HAND: nobody can be reached by any channel; staff hand the message over (or the adviser does).
    channel         text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'LETTER', 'HAND')),
    person_id       uuid NOT NULL REFERENCES people (id),
    center_id       uuid NOT NULL REFERENCES centers (id),
    subject_type    text NOT NULL,
    subject_id      uuid NOT NULL,
    offset_key      text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED', 'HELD')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    UNIQUE (person_id, kind, subject_id, offset_key, channel)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notifications_center_status_idx ON notifications (center_id, status, created_at);

-- Which events a consumer has already turned into work (one row per consumer and event), so
-- several consumers can read the same events and none handles one twice.
CREATE TABLE event_consumptions (
    consumer    text NOT NULL,
    event_id    bigint NOT NULL REFERENCES domain_events (id),
    consumed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
