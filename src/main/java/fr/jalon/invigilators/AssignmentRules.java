package fr.jalon.invigilators;

import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.calendar.HalfDay;

/**
 * The hard rules of staffing a session (issue « Invigilators »): the invigilator is active,
 * covers the site, is trained (and holds the habilitation of a complementary certification), is
 * free at that half-day, holds no other session at the same time — counting the travel time
 * between two different sites — and stays within their weekly and monthly maximum. Each broken
 * rule comes back with a French explanation for staff.
 */
final class AssignmentRules {

    /** Time to travel between two different sites, by default. */
    static final Duration DEFAULT_TRAVEL = Duration.ofMinutes(60);
    static final String CORE_CERTIFICATION = "PIX";

    /** A broken rule. */
    record Breach(String code, String message) {
    }

    private AssignmentRules() {
    }

    static List<Breach> breaches(Invigilator who, Duty duty, LocalTime localStart, String certificationType,
                                 List<Duty> held, Duration travel) {
        List<Breach> breaches = new ArrayList<>();
        if (!who.active()) {
            breaches.add(new Breach("inactive", "Ce surveillant est désactivé."));
        }
        if (!who.siteIds().contains(duty.siteId())) {
            breaches.add(new Breach("site_not_covered", "Ce surveillant ne couvre pas ce site."));
        }
        if (!who.trainedPix()) {
            breaches.add(new Breach("not_trained", "Ce surveillant n'est pas formé à la certification Pix."));
        }
        if (!CORE_CERTIFICATION.equals(certificationType)
                && who.habilitations().stream().noneMatch(h -> h.name().equals(certificationType))) {
            breaches.add(new Breach("not_qualified", "Cette session demande l'habilitation « "
                    + label(certificationType) + " », que ce surveillant n'a pas."));
        }
        if (!isFree(who, duty, localStart)) {
            breaches.add(new Breach("unavailable", "Ce surveillant n'est pas disponible le " + duty.date() + " ("
                    + (localStart.isBefore(HalfDay.NOON) ? "matin" : "après-midi") + ")."));
        }
        List<Duty> others = held.stream().filter(d -> !d.sessionId().equals(duty.sessionId())).toList();
        for (Duty other : others) {
            Duration gap = other.siteId().equals(duty.siteId()) ? Duration.ZERO : travel;
            if (duty.start().isBefore(other.end().plus(gap)) && other.start().isBefore(duty.end().plus(gap))) {
                breaches.add(new Breach("overlap", "Ce surveillant tient déjà une session le " + other.date()
                        + (gap.isZero() ? " à la même heure." : " trop proche pour le trajet entre les deux sites ("
                        + gap.toMinutes() + " min).")));
                break;
            }
        }
        long sameWeek = others.stream().filter(d -> sameIsoWeek(d, duty)).count();
        if (sameWeek >= who.maxPerWeek()) {
            breaches.add(new Breach("week_limit", "Ce surveillant a atteint son maximum de " + who.maxPerWeek()
                    + " session(s) cette semaine."));
        }
        long sameMonth = others.stream().filter(d -> YearMonth.from(d.date()).equals(YearMonth.from(duty.date()))).count();
        if (sameMonth >= who.maxPerMonth()) {
            breaches.add(new Breach("month_limit", "Ce surveillant a atteint son maximum de " + who.maxPerMonth()
                    + " session(s) ce mois-ci."));
        }
        return breaches;
    }

    /**
     * Free at the session's half-day: an absence covering the date wins; otherwise a dated extra
     * availability or the weekly pattern.
     */
    static boolean isFree(Invigilator who, Duty duty, LocalTime localStart) {
        boolean absent = who.exceptions().stream().anyMatch(e -> e.kind() == Invigilator.ExceptionKind.ABSENT
                && !duty.date().isBefore(e.from()) && !duty.date().isAfter(e.to()));
        if (absent) {
            return false;
        }
        boolean extra = who.exceptions().stream().anyMatch(e -> e.kind() == Invigilator.ExceptionKind.AVAILABLE
                && !duty.date().isBefore(e.from()) && !duty.date().isAfter(e.to()));
        return extra || who.weekly().stream().anyMatch(h -> h.fits(duty.date().getDayOfWeek(), localStart));
    }

    private static boolean sameIsoWeek(Duty a, Duty b) {
        return a.date().get(IsoFields.WEEK_BASED_YEAR) == b.date().get(IsoFields.WEEK_BASED_YEAR)
                && week(a) == week(b);
    }

    private static int week(Duty d) {
        return d.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static String label(String certificationType) {
        try {
            return Habilitation.valueOf(certificationType).label();
        } catch (IllegalArgumentException e) {
            return certificationType;
        }
    }
}
