package fr.jalon.referrals;

/** France Travail agency, Mission Locale, Cap emploi, Département, PLIE, other. */
enum OrganisationKind { FT, ML, CAP_EMPLOI, DEPT, PLIE, OTHER }
