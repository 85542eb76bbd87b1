-- Territory reference data (INSEE COG 2026); rows are loaded by the Java migration V3.
CREATE TABLE epcis (
    siren                 text PRIMARY KEY,
    name                  text NOT NULL,
    type                  text NOT NULL,
    population_municipale integer,
    population_totale     integer,
    commune_count         integer
);

CREATE TABLE communes (
    code_insee   text NOT NULL,
    name         text NOT NULL,
    type         text NOT NULL,
    departement  text,
    region       text,
    postal_codes text[] NOT NULL DEFAULT '{}',
    population   integer,
    epci_siren   text REFERENCES epcis (siren),
    chef_lieu    text,
    former_codes text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (code_insee, type)
);
CREATE INDEX communes_name_trgm_idx ON communes USING gin (jalon_fold(name) gin_trgm_ops);
CREATE INDEX communes_postal_idx ON communes USING gin (postal_codes);
CREATE INDEX communes_former_idx ON communes USING gin (former_codes);
CREATE INDEX communes_epci_idx ON communes (epci_siren);
CREATE INDEX communes_departement_idx ON communes (departement);
