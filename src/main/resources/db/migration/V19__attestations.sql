-- Attestations issued to candidates. The verification code is unique for ever (a revoked code is
-- never reused); at most one valid attestation of each kind per enrolment. The PDF is kept from
-- its first rendering, so every later download is the same document.
CREATE TABLE attestations (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code              text NOT NULL UNIQUE CHECK (code ~ '^P-[2346789BCDFGHJKMPQRTVWXY]{8}$'),
    enrolment_id      uuid NOT NULL REFERENCES enrolments (id),
    kind              text NOT NULL CHECK (kind IN ('RESULTS', 'ATTENDANCE')),
    result_version    integer,
    pdf               bytea,
    issued_at         timestamptz NOT NULL DEFAULT now(),
    revoked_at        timestamptz,
    revocation_reason text CHECK (char_length(revocation_reason) <= 500),
    CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
CREATE UNIQUE INDEX attestations_valid_key ON attestations (enrolment_id, kind) WHERE revoked_at IS NULL;

-- Fixed-window counters of the public verification (per client address and minute), shared by
-- every instance.
CREATE TABLE rate_limit_hits (
    bucket       text NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
