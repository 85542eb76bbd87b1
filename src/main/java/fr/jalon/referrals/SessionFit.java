package fr.jalon.referrals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import fr.jalon.platform.calendar.HalfDay;

/**
 * Whether an upcoming session suits a referred person's constraints: a site they can reach (its
 * commune or its EPCI among theirs), a half-day they are free, an accessible room when they need
 * one. An empty constraint accepts everything.
 */
record SessionFit(List<String> communes, List<String> epcis, Set<HalfDay> availability, boolean needsAccess) {

    /** A candidate session as the proposals query reads it. */
    record Candidate(LocalDate date, LocalTime start, String siteCommune, String siteEpci, boolean accessible) {
    }

    boolean fits(Candidate session) {
        boolean reachable = (communes.isEmpty() && epcis.isEmpty()) || communes.contains(session.siteCommune())
                || (session.siteEpci() != null && epcis.contains(session.siteEpci()));
        boolean free = availability.isEmpty()
                || availability.stream().anyMatch(a -> a.fits(session.date().getDayOfWeek(), session.start()));
        return reachable && free && (!needsAccess || session.accessible());
    }
}
