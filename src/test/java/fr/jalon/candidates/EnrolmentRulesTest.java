package fr.jalon.candidates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.validation.FieldError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrolmentRulesTest {

    private final List<FieldError> errors = new ArrayList<>();

    private static EnrolmentTerms terms(BillingMode mode, String code, Habilitation complementary) {
        return new EnrolmentTerms(mode, code, complementary, null, null, null, false);
    }

    private List<String> codes(EnrolmentTerms terms) {
        EnrolmentRules.check(terms, EnumSet.of(Habilitation.CLEA), errors);
        return errors.stream().map(FieldError::code).toList();
    }

    @Test
    void aPrepaymentCodeIsRequiredIfAndOnlyIfPrepaid() {
        assertEquals(List.of(), codes(terms(BillingMode.PREPAID, "12345678912345/FACT12345", null)));
        assertEquals(List.of("required"), codes(terms(BillingMode.PREPAID, null, null)));
    }

    @Test
    void aPrepaymentCodeWithoutPrepaidIsRefused() {
        assertEquals(List.of("unexpected"), codes(terms(BillingMode.FREE, "FACT1", null)));
    }

    @Test
    void theComplementaryCertificationNeedsTheCentresHabilitation() {
        assertEquals(List.of(), codes(terms(BillingMode.PAID, null, Habilitation.CLEA)));
        assertEquals(List.of("not_habilitated"), codes(terms(BillingMode.PAID, null, Habilitation.PIX_PLUS_DROIT)));
    }

    @Test
    void billingLabelsOfPixFilesAreRead() {
        assertEquals(BillingMode.PREPAID, BillingMode.fromLabel("Prépayée").orElseThrow());
        assertEquals(BillingMode.PREPAID, BillingMode.fromLabel("PREPAYEE").orElseThrow());
        assertEquals(BillingMode.FREE, BillingMode.fromLabel("gratuite").orElseThrow());
        assertTrue(BillingMode.fromLabel("Gratis").isEmpty());
    }

    @Test
    void enrolmentClosesWhenTheSessionStartsOrIsNoLongerScheduled() {
        Instant start = Instant.parse("2027-01-12T08:30:00Z");
        assertTrue(EnrolmentRules.sessionOpen(true, start, start.minusSeconds(1)));
        assertFalse(EnrolmentRules.sessionOpen(true, start, start));
        assertFalse(EnrolmentRules.sessionOpen(false, start, start.minusSeconds(3600)));
    }

    @Test
    void onlySeatHoldersCountAgainstCapacity() {
        assertFalse(EnrolmentStatus.WAITLISTED.holdsSeat());
        assertFalse(EnrolmentStatus.CANCELLED.holdsSeat());
        assertTrue(EnrolmentStatus.ENROLLED.holdsSeat());
        assertTrue(EnrolmentStatus.ABSENT.holdsSeat());
        assertTrue(EnrolmentStatus.WAITLISTED.canBecome(EnrolmentStatus.ENROLLED));
        assertFalse(EnrolmentStatus.CANCELLED.canBecome(EnrolmentStatus.ENROLLED));
        assertTrue(EnrolmentStatus.PRESENT.canBecome(EnrolmentStatus.ABSENT), "attendance can be corrected");
    }
}
