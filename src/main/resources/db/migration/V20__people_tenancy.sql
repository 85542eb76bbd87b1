-- People belong to one tenant (DESIGN.md, « Tenancy of people »): a centre for now, a local
-- authority for its agents later. The same human at two centres becomes two records.

ALTER TABLE people ADD COLUMN owner_kind text NOT NULL DEFAULT 'CENTER' CHECK (owner_kind IN ('CENTER', 'AUTHORITY'));
ALTER TABLE people ADD COLUMN owner_id uuid;

-- Every centre that knows a person (enrolments, referrals, messages), and since when.
CREATE TEMPORARY TABLE person_tenants ON COMMIT DROP AS
    SELECT person_id, center_id, min(at) AS first_at
    FROM (SELECT person_id, center_id, created_at AS at FROM enrolments
          UNION ALL SELECT person_id, center_id, created_at FROM referrals
          UNION ALL SELECT person_id, center_id, created_at FROM notifications WHERE person_id IS NOT NULL) AS known
    GROUP BY person_id, center_id;

-- The centre that knew the person first keeps the record...
UPDATE people p SET owner_id = first.center_id
FROM (SELECT DISTINCT ON (person_id) person_id, center_id FROM person_tenants
      ORDER BY person_id, first_at, center_id) AS first
WHERE p.id = first.person_id;

-- Copies repeat an identity: the global uniqueness goes (it comes back per tenant below).
ALTER TABLE people DROP CONSTRAINT people_identity_key_key;
DROP INDEX people_france_travail_key;

-- ...and every other centre gets its own copy, with the same contact and needs.
CREATE TEMPORARY TABLE person_copies ON COMMIT DROP AS
    SELECT t.person_id, t.center_id, gen_random_uuid() AS copy_id
    FROM person_tenants t JOIN people p ON p.id = t.person_id
    WHERE p.owner_id <> t.center_id;

INSERT INTO people (id, owner_kind, owner_id, birth_name, first_name, usage_name, sex, birth_date, birth_insee_code,
                    birth_postal_code, birth_city, birth_country, identity_key, email, mobile_phone, address_line1,
                    address_line2, address_postal_code, address_city, preferred_channels, residence_insee,
                    extra_time_percent, accessibility_adjustment, accessibility_needs, france_travail_number, imilo_id,
                    created_at, updated_at, anonymised_at)
SELECT c.copy_id, 'CENTER', c.center_id, p.birth_name, p.first_name, p.usage_name, p.sex, p.birth_date, p.birth_insee_code,
       p.birth_postal_code, p.birth_city, p.birth_country,
       CASE WHEN p.anonymised_at IS NULL THEN p.identity_key ELSE 'anonymised|' || c.copy_id END,
       p.email, p.mobile_phone, p.address_line1, p.address_line2, p.address_postal_code, p.address_city,
       p.preferred_channels, p.residence_insee, p.extra_time_percent, p.accessibility_adjustment, p.accessibility_needs,
       p.france_travail_number, p.imilo_id, p.created_at, p.updated_at, p.anonymised_at
FROM person_copies c JOIN people p ON p.id = c.person_id;

UPDATE enrolments e SET person_id = c.copy_id
FROM person_copies c WHERE e.person_id = c.person_id AND e.center_id = c.center_id;
UPDATE referrals r SET person_id = c.copy_id
FROM person_copies c WHERE r.person_id = c.person_id AND r.center_id = c.center_id;
UPDATE notifications n SET person_id = c.copy_id
FROM person_copies c WHERE n.person_id = c.person_id AND n.center_id = c.center_id;

-- A record no centre knows is seen by nobody and needed by nothing: it goes.
DELETE FROM people WHERE owner_id IS NULL;
ALTER TABLE people ALTER COLUMN owner_id SET NOT NULL;
-- Identity is unique within a tenant only; a France Travail number identifies nobody on its own.

CREATE UNIQUE INDEX people_owner_identity_key ON people (owner_id, identity_key);
CREATE INDEX people_owner_france_travail_idx ON people (owner_id, france_travail_number)
    WHERE france_travail_number IS NOT NULL;
CREATE INDEX people_owner_idx ON people (owner_id, birth_name, first_name);

-- Identity keys are now folded exactly as jalon_fold (unaccent) folds: Ł, Ø, Đ... fold to L, O, D.
UPDATE people p SET identity_key = jalon_fold(p.birth_name) || '|' || jalon_fold(p.first_name) || '|' || p.birth_date
WHERE p.anonymised_at IS NULL
  AND p.identity_key <> jalon_fold(p.birth_name) || '|' || jalon_fold(p.first_name) || '|' || p.birth_date
  AND NOT EXISTS (SELECT 1 FROM people o WHERE o.owner_id = p.owner_id AND o.id <> p.id
                  AND o.identity_key = jalon_fold(p.birth_name) || '|' || jalon_fold(p.first_name) || '|' || p.birth_date);

-- A referral shows its adviser what the adviser sent, never the record it was matched with.
ALTER TABLE referrals ADD COLUMN person_name text;
UPDATE referrals r SET person_name = p.first_name || ' ' || p.birth_name FROM people p WHERE p.id = r.person_id;
ALTER TABLE referrals ALTER COLUMN person_name SET NOT NULL;

-- Retention: when a referral, an invigilator or a user was last active.
CREATE INDEX referrals_person_idx ON referrals (person_id);
ALTER TABLE invigilators ADD COLUMN anonymised_at timestamptz;
ALTER TABLE users ADD COLUMN anonymised_at timestamptz;
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
CREATE INDEX rate_limit_hits_window_idx ON rate_limit_hits (window_start);
-- What an audited action did in numbers (a retention purge: rows cleared per table), never values.
ALTER TABLE audit_log ADD COLUMN details jsonb;
