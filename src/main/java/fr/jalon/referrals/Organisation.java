package fr.jalon.referrals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referring organisation, the centres it refers to, and whether it receives webhooks. */
record Organisation(UUID id, OrganisationKind kind, String name, String siret, String safirCode, String addressLine1,
                    String postalCode, String city, String contactEmail, String contactPhone, String webhookUrl,
                    List<UUID> centerIds, Instant createdAt) {
}
