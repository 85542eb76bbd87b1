package fr.jalon.referrals;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.SecretBox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrganisationDeskTest {

    private static final SecretBox SECRETS = SecretBox.of(
            Base64.getEncoder().encodeToString(new byte[32]));
    private static final Principal ADMIN = new Principal(UUID.randomUUID(), UUID.randomUUID(), Role.ADMIN, null);

    @Test
    void inProductionAWebhookMustBeHttps() {
        OrganisationDesk production = new OrganisationDesk(null, null, null, null, true, SECRETS);
        ApiProblem refused = assertThrows(ApiProblem.class,
                () -> production.setWebhook(ADMIN, UUID.randomUUID(), "http://partenaire.example/jalon"));
        assertEquals(422, refused.status());
        assertEquals("https_required", refused.errors().getFirst().code());
    }

    @Test
    void onlyAnAdministratorSetsWebhooks() {
        OrganisationDesk desk = new OrganisationDesk(null, null, null, null, false, SECRETS);
        Principal staff = new Principal(UUID.randomUUID(), UUID.randomUUID(), Role.CENTER_STAFF, UUID.randomUUID());
        assertEquals(403, assertThrows(ApiProblem.class,
                () -> desk.setWebhook(staff, UUID.randomUUID(), "https://partenaire.example/jalon")).status());
    }

    @Test
    void inProductionAWebhookCannotAimAtAnInternalAddress() {
        OrganisationDesk production = new OrganisationDesk(null, null, null, null, true, SECRETS);
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.5/hook",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://192.168.1.10/hook")) {
            ApiProblem refused = assertThrows(ApiProblem.class, () -> production.setWebhook(ADMIN, UUID.randomUUID(), url));
            assertEquals("internal_address", refused.errors().getFirst().code(), url);
        }
    }
}
