-- Campaign invitations and reminders go through the outbox too: to an agent, about a campaign,
-- with no centre behind them.
ALTER TABLE notifications ALTER COLUMN center_id DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN agent_id uuid REFERENCES agents (id);
ALTER TABLE notifications DROP CONSTRAINT notifications_one_recipient;
ALTER TABLE notifications ADD CONSTRAINT notifications_one_recipient
    CHECK (num_nonnulls(person_id, invigilator_id, agent_id) = 1);
ALTER TABLE notifications ADD CONSTRAINT notifications_centre_unless_agent
    CHECK (agent_id IS NOT NULL OR center_id IS NOT NULL);
CREATE UNIQUE INDEX notifications_agent_key ON notifications (agent_id, kind, subject_id, offset_key, channel)
    WHERE agent_id IS NOT NULL;
