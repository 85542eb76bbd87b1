package fr.jalon.fragility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model over territory's {@code communes}: where a commune code of any year belongs in 2026 —
 * a current commune is itself; a former code (merged commune) or a delegated or associated commune
 * belongs to the current commune that took it over (its former codes, its chef-lieu).
 */
final class CommuneCodesReadModel {

    /** A 2026 commune and its EPCI. */
    record Current(String commune, String name, String epci) {
    }

    /** The names of the 2026 EPCIs, by SIREN. */
    Map<String, String> epciNames(DbExecute exec) {
        Map<String, String> names = new HashMap<>();
        exec.query("SELECT siren, name FROM epcis").forEach(row -> names.put(Rows.text(row, "siren"), Rows.text(row, "name")));
        return names;
    }

    Map<String, Current> ofDepartements(DbExecute exec, List<String> departements) {
        Map<String, Current> current = new HashMap<>();
        Map<String, String> chefLieu = new HashMap<>();
        exec.query("""
                        SELECT code_insee, name, type, epci_siren, chef_lieu, former_codes FROM communes
                        WHERE departement = ANY(CAST(? AS text[]))""", (Object) departements.toArray(String[]::new))
                .forEach(row -> {
                    String code = Rows.text(row, "code_insee");
                    if ("commune-actuelle".equals(Rows.text(row, "type"))) {
                        Current c = new Current(code, Rows.text(row, "name"), Rows.text(row, "epci_siren"));
                        current.put(code, c);
                        Rows.textList(row, "former_codes").forEach(former -> current.putIfAbsent(former, c));
                    } else if (Rows.text(row, "chef_lieu") != null) {
                        chefLieu.put(code, Rows.text(row, "chef_lieu"));
                    }
                });
        chefLieu.forEach((code, head) -> {
            Current c = current.get(head);
            if (c != null) {
                current.putIfAbsent(code, c);
            }
        });
        return current;
    }
}
