package fr.jalon.territory;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

/** Loads the INSEE list of countries (codes 99xxx) used for birthplaces abroad. */
public final class V8__Load_countries extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (InputStream in = V8__Load_countries.class.getResourceAsStream("/territory/countries-insee.csv")) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data /territory/countries-insee.csv");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                context.getConnection().unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY countries (code_insee, name, ended_on) FROM STDIN WITH (FORMAT csv, HEADER true)",
                                reader);
            }
        }
    }
}
