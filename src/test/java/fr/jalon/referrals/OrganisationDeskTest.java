package fr.jalon.referrals;

import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrganisationDeskTest {

    private static final Principal ADMIN = new Principal(UUID.randomUUID(), UUID.randomUUID(), Role.ADMIN, null);

    @Test
    void inProductionAWebhookMustBeHttps() {
        OrganisationDesk production = new OrganisationDesk(null, null, null, null, true);
        ApiProblem refused = assertThrows(ApiProblem.class,
                () -> production.setWebhook(ADMIN, UUID.randomUUID(), "http://partenaire.example/jalon"));
        assertEquals(422, refused.status());
        assertEquals("https_required", refused.errors().getFirst().code());
    }

    @Test
    void onlyAnAdministratorSetsWebhooks() {
        OrganisationDesk desk = new OrganisationDesk(null, null, null, null, false);
        Principal staff = new Principal(UUID.randomUUID(), UUID.randomUUID(), Role.CENTER_STAFF, UUID.randomUUID());
        assertEquals(403, assertThrows(ApiProblem.class,
                () -> desk.setWebhook(staff, UUID.randomUUID(), "https://partenaire.example/jalon")).status());
    }
}
