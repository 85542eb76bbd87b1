-- An invigilator's personal calendar feed: a secret URL (only its hash is kept), revocable.
ALTER TABLE invigilators ADD COLUMN calendar_token_hash text UNIQUE;
