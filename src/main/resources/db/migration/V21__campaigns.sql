-- Local authorities (communes, EPCIs, the département…), their services and agents, and the
-- skills campaigns (Pix Orga / Pix Territoires) they run for their agents.

CREATE TABLE local_authorities (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'OTHER')),
    siren          text NOT NULL CHECK (siren ~ '^[0-9]{9}$'),
    -- The 2026 territory: a commune's INSEE code or an EPCI's SIREN.
    territory_code text,
    contact_email  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The certification centres an authority works with (its agents may be sent to their sessions).
CREATE TABLE authority_centers (
    authority_id uuid NOT NULL REFERENCES local_authorities (id),
    center_id    uuid NOT NULL REFERENCES centers (id),
    PRIMARY KEY (authority_id, center_id)
);

-- Direction → service → unit: the tree reports are computed on.
CREATE TABLE authority_services (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    authority_id uuid NOT NULL REFERENCES local_authorities (id),
    parent_id    uuid REFERENCES authority_services (id),
    name         text NOT NULL,
    -- « Direction / Service / Unité », names joined by " / ": how files name a service.
    path         text NOT NULL,
    depth        integer NOT NULL CHECK (depth BETWEEN 1 AND 3),
    UNIQUE (authority_id, path)
);

-- The authority's agents: its own records (a tenant's people are never another's).
CREATE TABLE agents (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    authority_id    uuid NOT NULL REFERENCES local_authorities (id),
    employee_number text NOT NULL,
    birth_name      text NOT NULL,
    first_name      text NOT NULL,
    birth_date      date NOT NULL,
    -- Folded birth name | first name | birth date, as for candidates: one agent per identity.
    identity_key    text NOT NULL,
    email           text,
    -- What certification needs and HR may know: optional here, required to enrol.
    sex             char(1) CHECK (sex IN ('M', 'F')),
    birth_insee     text,
    birth_country   text,
    residence_insee text,
    service_id      uuid REFERENCES authority_services (id),
    active          boolean NOT NULL DEFAULT true,
    left_at         timestamptz,
    anonymised_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (authority_id, employee_number),
    UNIQUE (authority_id, identity_key)
);
CREATE INDEX agents_service_idx ON agents (service_id);

CREATE TABLE campaigns (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    authority_id      uuid NOT NULL REFERENCES local_authorities (id),
    code              text NOT NULL UNIQUE CHECK (code ~ '^[ABCDEFGHJKMNPQRSTUVWXYZ]{6}[23456789]{3}$'),
    name              text NOT NULL,
    track             text NOT NULL,
    type              text NOT NULL CHECK (type IN ('ASSESSMENT', 'PROFILES_COLLECTION')),
    external_id_label text NOT NULL,
    starts_on         date NOT NULL,
    ends_on           date NOT NULL CHECK (ends_on >= starts_on),
    status            text NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED')),
    pix_url           text,
    -- The competences of the campaign's target profile, in the exports' order (set by the first import).
    competences       text[] NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_authority_idx ON campaigns (authority_id);

-- An agent invited to a campaign, and what the latest Pix Orga export said of them.
CREATE TABLE campaign_participants (
    campaign_id             uuid NOT NULL REFERENCES campaigns (id),
    agent_id                uuid NOT NULL REFERENCES agents (id),
    invited_at              timestamptz NOT NULL DEFAULT now(),
    status                  text NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED', 'STARTED', 'SHARED')),
    progression             integer CHECK (progression BETWEEN 0 AND 100),
    started_on              date,
    shared_on               date,
    -- Assessment: overall mastery (0–1); profiles collection: pix total and certifiability.
    mastery                 numeric(3, 2) CHECK (mastery BETWEEN 0 AND 1),
    pix_total               integer CHECK (pix_total >= 0),
    certifiable             boolean,
    certifiable_competences integer,
    -- Per competence, in the order of campaigns.competences: mastery (assessment), level and pix
    -- (profiles collection); NULL where the export had no value.
    competence_mastery      numeric(3, 2)[],
    competence_level        smallint[],
    competence_pix          smallint[],
    fingerprint             text,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, agent_id)
);
CREATE INDEX campaign_participants_agent_idx ON campaign_participants (agent_id);

-- Agents sent from a campaign to a certification session: the enrolment made for each.
CREATE TABLE campaign_certifications (
    campaign_id   uuid NOT NULL REFERENCES campaigns (id),
    agent_id      uuid NOT NULL REFERENCES agents (id),
    enrolment_id  uuid NOT NULL REFERENCES enrolments (id),
    sent_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, agent_id, enrolment_id)
);
CREATE INDEX campaign_certifications_enrolment_idx ON campaign_certifications (enrolment_id);

-- HR users belong to one local authority.
ALTER TABLE users ADD COLUMN authority_id uuid REFERENCES local_authorities (id);
ALTER TABLE users ADD CONSTRAINT users_authority_scope CHECK ((role = 'HR') = (authority_id IS NOT NULL));
