-- Console (issue 19): passwords with lockout, and server-side console sessions.
-- A console session is an API token of the user (its secret is the session cookie, HttpOnly)
-- plus what a browser session needs besides: the CSRF token and the idle clock.
ALTER TABLE users ADD COLUMN password_hash text;
ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

CREATE TABLE console_sessions (
    token_id     uuid PRIMARY KEY REFERENCES api_tokens (id) ON DELETE CASCADE,
    user_id      uuid NOT NULL REFERENCES users (id),
    csrf_token   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX console_sessions_user_idx ON console_sessions (user_id);
