-- Referring organisations (France Travail agencies, Missions Locales...), their advisers, the
-- referrals they send, the change log that feeds advisers back, and signed webhooks.
CREATE TABLE referring_organisations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind           text NOT NULL CHECK (kind IN ('FT', 'ML', 'CAP_EMPLOI', 'DEPT', 'PLIE', 'OTHER')),
    name           text NOT NULL,
    siret          text NOT NULL,
    safir_code     text CHECK (safir_code ~ '^[0-9]{5}$'),
    address_line1  text,
    postal_code    text,
    city           text,
    contact_email  text,
    contact_phone  text,
    webhook_url    text,
    webhook_secret text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (kind = 'FT' OR safir_code IS NULL),
    CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
);
CREATE UNIQUE INDEX referring_organisations_name_key ON referring_organisations (jalon_fold(name), siret);

-- Which centres an organisation refers people to.
CREATE TABLE organisation_centers (
    organisation_id uuid NOT NULL REFERENCES referring_organisations (id),
    center_id       uuid NOT NULL REFERENCES centers (id),
    PRIMARY KEY (organisation_id, center_id)
);

ALTER TABLE users ADD COLUMN organisation_id uuid REFERENCES referring_organisations (id);
ALTER TABLE users DROP CONSTRAINT users_center_scope;
ALTER TABLE users ADD CONSTRAINT users_center_scope CHECK ((role IN ('CENTER_STAFF', 'INVIGILATOR')) = (center_id IS NOT NULL));
ALTER TABLE users ADD CONSTRAINT users_organisation_scope CHECK ((role = 'ADVISER') = (organisation_id IS NOT NULL));

CREATE TABLE referrals (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id       uuid NOT NULL REFERENCES referring_organisations (id),
    center_id             uuid NOT NULL REFERENCES centers (id),
    person_id             uuid NOT NULL REFERENCES people (id),
    adviser_id            uuid NOT NULL REFERENCES users (id),
    referent_name         text,
    referent_email        text,
    certification         text NOT NULL DEFAULT 'PIX',
    target_level          text,
    constraints           jsonb NOT NULL DEFAULT '{}',
    needs_flag            text,
    note                  text,
    consent_at            timestamptz NOT NULL,
    status                text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ACCEPTED', 'REFUSED', 'POSTPONED',
                              'EXPIRED', 'CANCELLED', 'CONVOKED', 'ATTENDED', 'NO_SHOW', 'EXCUSED', 'CERTIFIED')),
    appointment           text CHECK (appointment IN ('PRIS', 'EFFECTUE', 'ABSENT', 'ABSENT_EXC', 'ANNULE')),
    refusal_reason        text,
    refusal_text          text,
    reason_shared         boolean,
    postponed_until       date,
    enrolment_id          uuid UNIQUE REFERENCES enrolments (id),
    result                jsonb,
    last_reminded_at      timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referrals_org_idx ON referrals (organisation_id, created_at DESC);
CREATE INDEX referrals_center_status_idx ON referrals (center_id, status, created_at DESC);

-- Every change of a referral, for the adviser's feed and webhooks. Rows are written unsequenced
-- in the transaction of the change; a sequencer (one at a time, advisory lock) numbers committed
-- rows in order, so a reader's cursor never passes a change that commits late.
CREATE SEQUENCE referral_change_seq;
CREATE TABLE referral_changes (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigint UNIQUE,
    referral_id     uuid NOT NULL REFERENCES referrals (id),
    organisation_id uuid NOT NULL REFERENCES referring_organisations (id),
    event           text NOT NULL,
    snapshot        jsonb NOT NULL,
    occurred_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_changes_unsequenced_idx ON referral_changes (occurred_at) WHERE seq IS NULL;
CREATE INDEX referral_changes_org_seq_idx ON referral_changes (organisation_id, seq);

-- Answers already given to a POST with an Idempotency-Key, per organisation (or user).
CREATE TABLE idempotency_keys (
    scope_id      uuid NOT NULL,
    key           text NOT NULL,
    request_hash  text NOT NULL,
    status        integer,
    body          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope_id, key)
);

-- Outcome messages to advisers: a signed webhook to the organisation, an e-mail to the adviser.
CREATE TABLE referral_deliveries (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    change_id       uuid NOT NULL REFERENCES referral_changes (id),
    channel         text NOT NULL CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    sent_at         timestamptz,
    UNIQUE (change_id, channel)
);
CREATE INDEX referral_deliveries_due_idx ON referral_deliveries (next_attempt_at) WHERE status = 'PENDING';
