-- Console (issue 19): a password chosen through a link sent by e-mail — forgotten password, or a
-- first password for an account an administrator created. Single use, 30 minutes; only the hash
-- of the link's secret is kept.
CREATE TABLE password_links (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id),
    secret_hash text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_links_user_idx ON password_links (user_id, created_at);
