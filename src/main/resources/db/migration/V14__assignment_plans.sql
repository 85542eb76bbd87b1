-- Draft plans made by the planner, kept until published (or replaced by a newer draft).
CREATE TABLE assignment_plans (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id    uuid NOT NULL REFERENCES centers (id),
    from_date    date NOT NULL,
    to_date      date NOT NULL,
    score        text NOT NULL,
    plan         jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
