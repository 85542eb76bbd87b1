-- The pool of invigilators of a centre, where they can go, when they are free, and their limits.
-- (The staffing ratio is the centre's staff_ratio, V4.)
CREATE TABLE invigilators (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id       uuid NOT NULL REFERENCES centers (id),
    user_id         uuid UNIQUE REFERENCES users (id),
    kind            text NOT NULL CHECK (kind IN ('EMPLOYEE', 'PARTNER', 'VOLUNTEER')),
    first_name      text NOT NULL,
    last_name       text NOT NULL,
    email           text,
    phone           text,
    home_insee      text NOT NULL,
    trained_pix     boolean NOT NULL DEFAULT false,
    habilitations   text[] NOT NULL DEFAULT '{}',
    max_per_week    integer NOT NULL CHECK (max_per_week BETWEEN 0 AND 30),
    max_per_month   integer NOT NULL CHECK (max_per_month BETWEEN 0 AND 100),
    weekly          text[] NOT NULL DEFAULT '{}',
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (max_per_week <= max_per_month)
);
CREATE INDEX invigilators_center_idx ON invigilators (center_id, last_name, first_name);

CREATE TABLE invigilator_sites (
    invigilator_id uuid NOT NULL REFERENCES invigilators (id) ON DELETE CASCADE,
    site_id        uuid NOT NULL REFERENCES sites (id),
    PRIMARY KEY (invigilator_id, site_id)
);

-- Dated exceptions to the weekly pattern: an absence, or an extra availability.
CREATE TABLE invigilator_exceptions (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invigilator_id uuid NOT NULL REFERENCES invigilators (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('ABSENT', 'AVAILABLE')),
    from_date      date NOT NULL,
    to_date        date NOT NULL,
    note           text,
    CHECK (to_date >= from_date)
);
CREATE INDEX invigilator_exceptions_idx ON invigilator_exceptions (invigilator_id, from_date);
