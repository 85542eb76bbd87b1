package fr.jalon.candidates;

/** Birthplace fields as typed or as read from a Pix file; any may be null. */
record BirthplaceInput(String inseeCode, String postalCode, String city, String country) {
}
