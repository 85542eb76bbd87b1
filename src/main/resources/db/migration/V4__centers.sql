-- Certification centres, their sites and rooms.
CREATE TABLE centers (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text NOT NULL,
    type          text NOT NULL CHECK (type IN ('PRO', 'SUP', 'SCO')),
    siret         text NOT NULL,
    habilitations text[] NOT NULL DEFAULT '{}',
    contact_email text,
    contact_phone text,
    staff_ratio   integer NOT NULL DEFAULT 20 CHECK (staff_ratio BETWEEN 1 AND 100),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX centers_name_key ON centers (lower(name));

ALTER TABLE users ADD CONSTRAINT users_center_fk FOREIGN KEY (center_id) REFERENCES centers (id);

CREATE TABLE sites (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id            uuid NOT NULL REFERENCES centers (id),
    name                 text NOT NULL,
    address_line1        text NOT NULL,
    address_line2        text,
    postal_code          text NOT NULL,
    city                 text NOT NULL,
    commune_insee        text NOT NULL,
    accessibility_info   text,
    wheelchair_accessible boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sites_center_name_key ON sites (center_id, lower(name));

CREATE TABLE rooms (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id    uuid NOT NULL REFERENCES sites (id),
    name       text NOT NULL,
    seats      integer NOT NULL CHECK (seats BETWEEN 1 AND 500),
    accessible boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX rooms_site_name_key ON rooms (site_id, lower(name));
