package fr.jalon.candidates;

import fr.jalon.centers.Habilitation;

/** What an enrolment says besides who and which session: billing, complementary certification, ids. */
record EnrolmentTerms(BillingMode billingMode, String prepaymentCode, Habilitation complementaryCertification,
                      String externalId, String resultRecipientEmail, Integer extraTimePercent,
                      boolean accessibilityAdjustment) {
}
