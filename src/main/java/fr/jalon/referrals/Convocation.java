package fr.jalon.referrals;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a referred person's convocation says, for the adviser to print or forward: who, when,
 * where, and whom to call. Only for a referral whose person is enrolled in a session to come.
 */
record Convocation(String personName, LocalDate date, LocalTime start, LocalTime end, String centre, String site,
                   String addressLine1, String addressLine2, String postalCode, String city, String accessibility,
                   String contactPhone, String contactEmail) {
}
