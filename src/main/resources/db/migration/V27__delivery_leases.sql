-- Issue 20: messages are sent outside any transaction. A delivery claims due rows in a short
-- transaction (status SENDING, a lease and the instance's id), sends them with no row locked,
-- and records each outcome in its own short transaction. A lease that expires (the instance
-- died while sending) makes the row due again for any instance.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED', 'HELD'));
ALTER TABLE notifications ADD COLUMN lease_until timestamptz;
ALTER TABLE notifications ADD COLUMN lease_owner text;
CREATE INDEX notifications_lease_idx ON notifications (lease_until) WHERE status = 'SENDING';

-- The same for the referrals' outcomes (adviser e-mails and signed webhooks).
ALTER TABLE referral_deliveries DROP CONSTRAINT referral_deliveries_status_check;
ALTER TABLE referral_deliveries ADD CONSTRAINT referral_deliveries_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED'));
ALTER TABLE referral_deliveries ADD COLUMN lease_until timestamptz;
ALTER TABLE referral_deliveries ADD COLUMN lease_owner text;
CREATE INDEX referral_deliveries_lease_idx ON referral_deliveries (lease_until) WHERE status = 'SENDING';
