package fr.jalon.campaigns;

import java.util.List;
import java.util.UUID;

/** A local authority as an administrator describes it, checked for form. */
record AuthorityDraft(String name, AuthorityKind kind, String siren, String territoryCode, String contactEmail,
                      List<UUID> centerIds) {
}
