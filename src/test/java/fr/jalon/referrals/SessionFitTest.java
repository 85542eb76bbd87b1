package fr.jalon.referrals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.jalon.platform.calendar.HalfDay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionFitTest {

    /** Tuesday 3 March 2026. */
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    private static final SessionFit.Candidate DAX_TUESDAY_MORNING = new SessionFit.Candidate(TUESDAY, LocalTime.of(9, 30),
            "40088", "244000865", true);

    @Test
    void noConstraintAcceptsAnySession() {
        assertTrue(new SessionFit(List.of(), List.of(), Set.of(), false).fits(DAX_TUESDAY_MORNING));
    }

    @Test
    void theSiteMustBeInAReachableCommuneOrEpci() {
        assertTrue(new SessionFit(List.of("40088"), List.of(), Set.of(), false).fits(DAX_TUESDAY_MORNING));
        assertTrue(new SessionFit(List.of(), List.of("244000865"), Set.of(), false).fits(DAX_TUESDAY_MORNING));
        assertFalse(new SessionFit(List.of("40192"), List.of("200069631"), Set.of(), false).fits(DAX_TUESDAY_MORNING));
    }

    @Test
    void theSessionMustStartInAHalfDayThePersonIsFree() {
        assertTrue(new SessionFit(List.of(), List.of(), EnumSet.of(HalfDay.TUESDAY_MORNING), false)
                .fits(DAX_TUESDAY_MORNING));
        assertFalse(new SessionFit(List.of(), List.of(), EnumSet.of(HalfDay.TUESDAY_AFTERNOON), false)
                .fits(DAX_TUESDAY_MORNING));
        assertFalse(new SessionFit(List.of(), List.of(), EnumSet.of(HalfDay.MONDAY_MORNING), false)
                .fits(DAX_TUESDAY_MORNING));
        assertTrue(new SessionFit(List.of(), List.of(), EnumSet.of(HalfDay.TUESDAY_AFTERNOON), false)
                .fits(new SessionFit.Candidate(TUESDAY, LocalTime.of(13, 0), "40088", null, true)), "13:00 is afternoon");
    }

    @Test
    void aPersonWhoNeedsAccessGetsOnlyAccessibleRooms() {
        SessionFit needsAccess = new SessionFit(List.of(), List.of(), Set.of(), true);
        assertTrue(needsAccess.fits(DAX_TUESDAY_MORNING));
        assertFalse(needsAccess.fits(new SessionFit.Candidate(TUESDAY, LocalTime.of(9, 30), "40088", null, false)));
    }
}
