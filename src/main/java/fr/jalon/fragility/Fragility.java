package fr.jalon.fragility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import fr.jalon.jobs.JobDefinition;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;

import io.helidon.dbclient.DbClient;

/**
 * The territory's digital fragility index (IFN, DESIGN.md): census inputs per unit, reference
 * values, evaluations per IRIS, commune or EPCI, kept and compared.
 */
public final class Fragility {

    /** The vintage of the shipped Landes data set (INSEE RP 2016, Filosofi 2015). */
    public static final String DEFAULT_VINTAGE = "RP2016";

    private final FragilityDesk desk;
    private final FragilityService service;
    private final Clock clock;

    public Fragility(DbClient db, Transactions transactions, AuditLog audit, RequestBodies bodies, Clock clock) {
        this.clock = clock;
        this.desk = new FragilityDesk(db, transactions, audit);
        this.service = new FragilityService(desk, bodies);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** The skills aggregates job: last year's and this year's, nightly and on demand. */
    public List<JobDefinition> jobs() {
        return List.of(new JobDefinition("skills-aggregates", "Calcule les agrégats anonymisés des résultats de "
                + "certification par commune et EPCI (année passée et année en cours)", "0 30 4 * * ?",
                this::computeAggregates));
    }

    /** A new version of a year's aggregates (on demand, or replaying a year); returns its version. */
    public int computeAggregates(int year) {
        return desk.computeAggregates(year);
    }

    /** A new version of last year's and this year's aggregates; returns a summary. */
    public String computeAggregates() {
        int year = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).getYear();
        return "agrégats " + (year - 1) + " v" + desk.computeAggregates(year - 1) + ", " + year + " v"
                + desk.computeAggregates(year);
    }

    /** Loads the shipped Landes inputs and département references once (embedded mode); returns whether it did. */
    public boolean loadDefaultDataSet() {
        if (desk.hasVintage(DEFAULT_VINTAGE)) {
            return false;
        }
        desk.importInputs(null, DEFAULT_VINTAGE, resource("/fragility/landes-iris-rp2016.csv"));
        desk.importReferences(null, new String(resource("/fragility/landes-references-2016.csv"), StandardCharsets.UTF_8));
        return true;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Fragility.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
