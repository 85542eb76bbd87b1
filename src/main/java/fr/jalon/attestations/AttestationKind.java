package fr.jalon.attestations;

enum AttestationKind { RESULTS, ATTENDANCE }
