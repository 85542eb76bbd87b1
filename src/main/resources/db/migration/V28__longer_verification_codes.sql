-- Issue 20: new attestations get a 10-character verification code (harder to guess by scanning);
-- codes issued with 8 characters stay valid for ever.
ALTER TABLE attestations DROP CONSTRAINT attestations_code_check;
ALTER TABLE attestations ADD CONSTRAINT attestations_code_check
    CHECK (code ~ '^P-[2346789BCDFGHJKMPQRTVWXY]{8}$' OR code ~ '^P-[2346789BCDFGHJKMPQRTVWXY]{10}$');
