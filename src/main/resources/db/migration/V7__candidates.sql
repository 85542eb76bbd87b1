-- People, enrolments and their history; seat counters on sessions.

ALTER TABLE sessions ADD COLUMN seats_taken integer NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD CONSTRAINT sessions_seats_within_capacity CHECK (seats_taken BETWEEN 0 AND capacity);
-- Pix Certif's own session number, when the session exists there too.
ALTER TABLE sessions ADD COLUMN pix_number bigint;
CREATE UNIQUE INDEX sessions_pix_number_key ON sessions (center_id, pix_number) WHERE pix_number IS NOT NULL;
-- Invigilators as declared in a Pix file, until they are assigned in Jalon.
ALTER TABLE sessions ADD COLUMN declared_invigilators text;

CREATE TABLE people (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    birth_name             text NOT NULL,
    first_name             text NOT NULL,
    usage_name             text,
    sex                    char(1) NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date             date NOT NULL,
    -- Born in France: the commune's INSEE code (as it was at birth). Abroad: the country's 99xxx code.
    birth_insee_code       text NOT NULL,
    birth_postal_code      text,
    birth_city             text NOT NULL,
    birth_country          text NOT NULL,
    -- Folded birth name | first name | birth date: how a person is found again. Unique, since
    -- two records with the same key would be merged by the matching rule anyway.
    identity_key           text NOT NULL UNIQUE,
    email                  text,
    mobile_phone           text,
    address_line1          text,
    address_line2          text,
    address_postal_code    text,
    address_city           text,
    preferred_channels     text[] NOT NULL DEFAULT '{}',
    residence_insee        text,
    extra_time_percent     integer CHECK (extra_time_percent BETWEEN 0 AND 999),
    accessibility_adjustment boolean NOT NULL DEFAULT false,
    accessibility_needs    text,
    france_travail_number  text,
    imilo_id               text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_france_travail_key ON people (france_travail_number) WHERE france_travail_number IS NOT NULL;
CREATE INDEX people_search_idx ON people USING gin (jalon_fold(birth_name || ' ' || coalesce(usage_name, '') || ' ' || first_name) gin_trgm_ops);

CREATE SEQUENCE enrolment_waitlist_seq;

CREATE TABLE enrolments (
    id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id                  uuid NOT NULL REFERENCES sessions (id),
    person_id                   uuid NOT NULL REFERENCES people (id),
    center_id                   uuid NOT NULL REFERENCES centers (id),
    status                      text NOT NULL CHECK (status IN ('ENROLLED', 'CONVOKED', 'PRESENT', 'ABSENT', 'EXCUSED', 'CANCELLED', 'WAITLISTED')),
    billing_mode                text NOT NULL CHECK (billing_mode IN ('FREE', 'PAID', 'PREPAID')),
    prepayment_code             text,
    complementary_certification text,
    external_id                 text,
    result_recipient_email      text,
    extra_time_percent          integer CHECK (extra_time_percent BETWEEN 0 AND 999),
    accessibility_adjustment    boolean NOT NULL DEFAULT false,
    origin                      text NOT NULL CHECK (origin IN ('DIRECT', 'REFERRAL', 'CAMPAIGN', 'IMPORT')),
    origin_reference            text,
    waitlist_position           bigint,
    transferred_from            uuid REFERENCES enrolments (id),
    transferred_to              uuid REFERENCES enrolments (id),
    cancellation_reason         text,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    CHECK ((billing_mode = 'PREPAID') = (prepayment_code IS NOT NULL)),
    CHECK ((status = 'WAITLISTED') = (waitlist_position IS NOT NULL))
);
-- Never twice in one session (a cancelled enrolment does not count).
CREATE UNIQUE INDEX enrolments_person_session_key ON enrolments (session_id, person_id) WHERE status <> 'CANCELLED';
CREATE INDEX enrolments_session_idx ON enrolments (session_id, status);
-- A person's enrolments (overlap checks), and whether a centre knows them (visibility).
CREATE INDEX enrolments_person_center_idx ON enrolments (person_id, center_id);
CREATE INDEX enrolments_waitlist_idx ON enrolments (session_id, waitlist_position) WHERE status = 'WAITLISTED';

CREATE TABLE enrolment_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrolment_id  uuid NOT NULL REFERENCES enrolments (id),
    at            timestamptz NOT NULL DEFAULT now(),
    status        text NOT NULL,
    note          text,
    actor_user_id uuid
);
CREATE INDEX enrolment_history_enrolment_idx ON enrolment_history (enrolment_id, id);

CREATE TABLE countries (
    code_insee text PRIMARY KEY,
    name       text NOT NULL,
    ended_on   date
);
