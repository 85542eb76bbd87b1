-- Invigilators get messages through the same outbox as candidates: a row is for a person
-- (candidate, subject an enrolment) or for an invigilator (subject an assignment), never both.
ALTER TABLE notifications ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN invigilator_id uuid REFERENCES invigilators (id);
ALTER TABLE notifications ADD CONSTRAINT notifications_one_recipient CHECK (num_nonnulls(person_id, invigilator_id) = 1);
-- Same guarantee as the candidates' unique key: one copy of a message per recipient, kind, subject, offset, channel.
CREATE UNIQUE INDEX notifications_invigilator_key ON notifications (invigilator_id, kind, subject_id, offset_key, channel)
    WHERE invigilator_id IS NOT NULL;
