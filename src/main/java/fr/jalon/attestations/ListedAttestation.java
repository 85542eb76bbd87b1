package fr.jalon.attestations;

/** An attestation as staff list it: whose it is, its code, and whether it still holds. */
record ListedAttestation(IssuedAttestation issued, String birthName, String firstName) {
}
