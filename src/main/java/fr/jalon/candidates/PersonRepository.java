package fr.jalon.candidates;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlFragment;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL for people. */
final class PersonRepository {

    private static final String COLUMNS = """
            p.id, p.birth_name, p.first_name, p.usage_name, p.sex, p.birth_date, p.birth_insee_code,
            p.birth_postal_code, p.birth_city, p.birth_country, p.email, p.mobile_phone, p.address_line1,
            p.address_line2, p.address_postal_code, p.address_city, p.preferred_channels, p.residence_insee,
            p.extra_time_percent, p.accessibility_adjustment, p.accessibility_needs, p.france_travail_number,
            p.imilo_id, p.owner_id, p.created_at, p.updated_at""";
    private static final String INSERT = """
            INSERT INTO people (owner_id, id, birth_name, first_name, usage_name, sex, birth_date, birth_insee_code,
                birth_postal_code, birth_city, birth_country, identity_key, email, mobile_phone, address_line1,
                address_line2, address_postal_code, address_city, preferred_channels, residence_insee,
                extra_time_percent, accessibility_adjustment, accessibility_needs, france_travail_number, imilo_id)
            """;

    /**
     * Erases the personal data of these people and of their enrolments, keeping what statistics
     * need (sex, birth year, birth country, residence commune, statuses); the reasons typed into
     * their enrolments' events go. Returns the counts of rows cleared, by table.
     */
    Map<String, Integer> anonymise(DbExecute exec, List<UUID> ids, List<UUID> enrolmentIds) {
        Object people = EnrolmentRepository.uuids(ids);
        Object enrolments = EnrolmentRepository.uuids(enrolmentIds);
        long anonymised = exec.dml("""
                UPDATE people p SET birth_name = 'ANONYME', first_name = 'ANONYME', usage_name = NULL,
                    birth_date = make_date(CAST(extract(year FROM p.birth_date) AS integer), 1, 1),
                    birth_insee_code = CASE WHEN p.birth_insee_code LIKE '99%' THEN p.birth_insee_code ELSE '99100' END,
                    birth_postal_code = NULL, birth_city = '', identity_key = 'anonymised|' || p.id,
                    email = NULL, mobile_phone = NULL, address_line1 = NULL, address_line2 = NULL,
                    address_postal_code = NULL, address_city = NULL, preferred_channels = '{}',
                    extra_time_percent = NULL, accessibility_adjustment = false, accessibility_needs = NULL,
                    france_travail_number = NULL, imilo_id = NULL, anonymised_at = now(), updated_at = now()
                WHERE p.id = ANY(CAST(? AS uuid[]))""", people);
        long enrolled = exec.dml("""
                UPDATE enrolments SET external_id = NULL, result_recipient_email = NULL, cancellation_reason = NULL,
                    extra_time_percent = NULL, accessibility_adjustment = false, updated_at = now()
                WHERE id = ANY(CAST(? AS uuid[]))""", enrolments);
        long notes = exec.dml("UPDATE enrolment_history SET note = NULL WHERE enrolment_id = ANY(CAST(? AS uuid[])) "
                + "AND note IS NOT NULL", enrolments);
        // Payloads carry ids (kept: planning may still read them) and, on cancellations, the reason typed.
        long events = exec.dml("UPDATE domain_events SET payload = payload - 'reason' WHERE aggregate_type = 'enrolment' "
                + "AND aggregate_id = ANY(CAST(? AS uuid[])) AND jsonb_exists(payload, 'reason')", enrolments);
        return Map.of("people", (int) anonymised, "enrolments", (int) enrolled,
                "enrolment_history", (int) notes, "domain_events", (int) events);
    }

    /**
     * Locks many identities of one owner at once, in a fixed (sorted) order so two imports cannot
     * deadlock; two owners importing the same person do not wait for each other.
     */
    void lockIdentities(DbExecute exec, UUID owner, List<String> sortedKeys) {
        if (sortedKeys.isEmpty()) {
            return;
        }
        exec.query("SELECT count(pg_advisory_xact_lock(hashtextextended(? || '|' || k, 7301))) AS locked "
                + "FROM (SELECT k FROM unnest(CAST(? AS text[])) AS k ORDER BY k) AS keys",
                owner.toString(), (Object) sortedKeys.toArray(String[]::new)).forEach(row -> { });
    }

    /**
     * Inserts the person unless someone with the same identity exists (the unique identity key
     * decides, across instances), with the given audit row in the same round trip (its CTE is
     * {@code p}). Empty when the person already existed.
     */
    Optional<UUID> insertIfNew(DbExecute exec, UUID owner, PersonDraft d, SqlFragment audit) {
        UUID id = UUID.randomUUID();
        List<Object> params = values(id, d);
        params.addFirst(owner);
        params.addAll(audit.params());
        return exec.get("WITH p AS (" + INSERT + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), "
                        + "?, ?, ?, ?, ?, ?) ON CONFLICT (owner_id, identity_key) DO NOTHING RETURNING id), a AS (" + audit.sql()
                        + ") SELECT id FROM p", params.toArray())
                .map(row -> Rows.uuid(row, "id"));
    }

    /** Read in a statement of its own: it then sees a person a concurrent transaction has just committed. */
    Optional<Person> findByIdentity(DbExecute exec, UUID owner, String identityKey) {
        return exec.get("SELECT " + COLUMNS + " FROM people p WHERE p.owner_id = ? AND p.identity_key = ?", owner,
                        identityKey)
                .map(PersonRepository::person);
    }

    /** Inserts many people of one owner in one statement (imports). */
    void insertMany(DbExecute exec, UUID owner, List<UUID> ids, List<PersonDraft> drafts) {
        if (ids.isEmpty()) {
            return;
        }
        int columns = 24;
        List<List<Object>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            byColumn.add(new ArrayList<>(ids.size()));
        }
        for (int i = 0; i < ids.size(); i++) {
            List<Object> row = values(ids.get(i), drafts.get(i));
            for (int c = 0; c < columns; c++) {
                byColumn.get(c).add(row.get(c));
            }
        }
        exec.dml(INSERT + """
                SELECT CAST(? AS uuid), CAST(u.id AS uuid), u.bn, u.fn, u.un, u.sx, CAST(u.bd AS date), u.bi, u.bp, u.bc, u.bco, u.ik,
                       u.em, u.mp, u.a1, u.a2, u.apc, u.ac, CAST(u.ch AS text[]), u.ri, CAST(u.et AS integer),
                       CAST(u.aa AS boolean), u.an, u.ft, u.im
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                     AS u(id, bn, fn, un, sx, bd, bi, bp, bc, bco, ik, em, mp, a1, a2, apc, ac, ch, ri, et, aa, an, ft, im)""",
                Stream.concat(Stream.of((Object) owner.toString()),
                        byColumn.stream().map(PersonRepository::textArray)).toArray());
    }

    /** People of one owner with one of these identity keys (imports). */
    List<Person> findByIdentityKeys(DbExecute exec, UUID owner, List<String> identityKeys) {
        return exec.query("SELECT " + COLUMNS + " FROM people p WHERE p.owner_id = ? "
                                + "AND p.identity_key = ANY(CAST(? AS text[]))",
                        owner, (Object) textArray(identityKeys))
                .map(PersonRepository::person)
                .toList();
    }

    List<Person> findMany(DbExecute exec, List<UUID> ids) {
        return exec.query("SELECT " + COLUMNS + " FROM people p WHERE p.id = ANY(CAST(? AS uuid[]))",
                        (Object) EnrolmentRepository.uuids(ids))
                .map(PersonRepository::person)
                .toList();
    }

    Optional<Person> find(DbExecute exec, UUID id) {
        return exec.get("SELECT " + COLUMNS + " FROM people p WHERE p.id = ?", id).map(PersonRepository::person);
    }

    /**
     * Locks the person: their enrolments cannot change concurrently (overlap checks stay true),
     * nor can retention anonymise them meanwhile. False when they were anonymised already.
     */
    boolean lockActive(DbExecute exec, UUID id) {
        return exec.get("SELECT anonymised_at IS NULL AS active FROM people WHERE id = ? FOR UPDATE", id)
                .map(row -> Rows.bool(row, "active")).orElse(false);
    }

    void update(DbExecute exec, UUID id, PersonDraft d) {
        List<Object> params = values(id, d);
        params.removeFirst();
        params.add(id);
        exec.dml("""
                UPDATE people SET birth_name = ?, first_name = ?, usage_name = ?, sex = ?, birth_date = ?,
                    birth_insee_code = ?, birth_postal_code = ?, birth_city = ?, birth_country = ?, identity_key = ?,
                    email = ?, mobile_phone = ?, address_line1 = ?, address_line2 = ?, address_postal_code = ?,
                    address_city = ?, preferred_channels = CAST(? AS text[]), residence_insee = ?, extra_time_percent = ?,
                    accessibility_adjustment = ?, accessibility_needs = ?, france_travail_number = ?, imilo_id = ?,
                    updated_at = now()
                WHERE id = ?""", params.toArray());
    }

    /** People of an owner (or anyone's, for null), by folded name, at most {@code limit}. */
    List<Person> search(DbExecute exec, UUID owner, String query, int limit) {
        String folded = query == null ? "" : query;
        return exec.query("SELECT " + COLUMNS + " FROM people p WHERE "
                        + "jalon_fold(p.birth_name || ' ' || coalesce(p.usage_name, '') || ' ' || p.first_name) "
                        + "LIKE '%' || jalon_fold(?) || '%' "
                        + "AND (CAST(? AS uuid) IS NULL OR p.owner_id = ?) ORDER BY p.birth_name, p.first_name, p.id LIMIT ?",
                        folded, owner, owner, limit)
                .map(PersonRepository::person)
                .toList();
    }

    private static List<Object> values(UUID id, PersonDraft d) {
        List<Object> v = new ArrayList<>(24);
        v.add(id.toString());
        v.add(d.birthName());
        v.add(d.firstName());
        v.add(d.usageName());
        v.add(d.sex().name());
        v.add(d.birthDate().toString());
        v.add(d.birthplace().inseeCode());
        v.add(d.birthplace().postalCode());
        v.add(d.birthplace().city());
        v.add(d.birthplace().countryName());
        v.add(d.identityKey());
        v.add(d.email());
        v.add(d.mobilePhone());
        v.add(d.address() == null ? null : d.address().line1());
        v.add(d.address() == null ? null : d.address().line2());
        v.add(d.address() == null ? null : d.address().postalCode());
        v.add(d.address() == null ? null : d.address().city());
        v.add("{" + String.join(",", d.preferredChannels().stream().map(Enum::name).toList()) + "}");
        v.add(d.residenceInsee());
        v.add(d.extraTimePercent() == null ? null : d.extraTimePercent().toString());
        v.add(String.valueOf(d.accessibilityAdjustment()));
        v.add(d.accessibilityNeeds());
        v.add(d.franceTravailNumber());
        v.add(d.imiloId());
        return v;
    }

    private static String[] textArray(List<?> values) {
        return values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    static Person person(DbRow row) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        Rows.textList(row, "preferred_channels").forEach(c -> channels.add(Channel.valueOf(c)));
        String line1 = Rows.text(row, "address_line1");
        PostalAddress address = line1 == null ? null : new PostalAddress(line1, Rows.text(row, "address_line2"),
                Rows.text(row, "address_postal_code"), Rows.text(row, "address_city"));
        String country = Rows.text(row, "birth_country");
        String insee = Rows.text(row, "birth_insee_code");
        Birthplace birthplace = new Birthplace(insee, Rows.text(row, "birth_postal_code"), Rows.text(row, "birth_city"),
                insee.startsWith("99") ? insee : "99100", country);
        PersonDraft draft = new PersonDraft(Rows.text(row, "birth_name"), Rows.text(row, "first_name"),
                Rows.text(row, "usage_name"), Sex.valueOf(Rows.text(row, "sex")), Rows.date(row, "birth_date"), birthplace,
                Rows.text(row, "email"), Rows.text(row, "mobile_phone"), address, channels,
                Rows.text(row, "residence_insee"), Rows.integer(row, "extra_time_percent"),
                Rows.bool(row, "accessibility_adjustment"), Rows.text(row, "accessibility_needs"),
                Rows.text(row, "france_travail_number"), Rows.text(row, "imilo_id"));
        return new Person(Rows.uuid(row, "id"), Rows.uuid(row, "owner_id"), draft, Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
