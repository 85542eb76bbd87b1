package fr.jalon.centers;

import java.util.UUID;

/** A place where sessions happen. */
record Site(UUID id, UUID centerId, SiteDraft draft) {
}

/** What staff type to create or replace a site. */
record SiteDraft(String name, String addressLine1, String addressLine2, String postalCode, String city,
                 String communeInsee, String accessibilityInfo, boolean wheelchairAccessible) {
}
