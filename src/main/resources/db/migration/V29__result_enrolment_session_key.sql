-- A result's session is its enrolment's session. One composite foreign key says so, and replaces
-- the two single-column ones: an import of 100,000 results made 200,000 row-by-row checks, and
-- each check costs as much as writing the row (issue 20, measured in ResultsBench).
ALTER TABLE enrolments ADD CONSTRAINT enrolments_id_session_key UNIQUE (id, session_id);

ALTER TABLE certification_results
    DROP CONSTRAINT certification_results_enrolment_id_fkey,
    DROP CONSTRAINT certification_results_session_id_fkey,
    ADD CONSTRAINT certification_results_enrolment_session_fkey FOREIGN KEY (enrolment_id, session_id)
        REFERENCES enrolments (id, session_id) ON UPDATE CASCADE;
