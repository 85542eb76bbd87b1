package fr.jalon.candidates;

import java.time.LocalDate;
import java.time.LocalTime;

import fr.jalon.platform.text.Folding;

/** One row of an import file, checked: its session and, unless the session is empty, a candidate. */
record ImportLine(int line, SessionKey session, PersonDraft person, EnrolmentTerms terms) {

    boolean hasCandidate() {
        return person != null;
    }

    /** How rows designate a session: its Pix number, or its site, room, date and time. */
    record SessionKey(Long pixNumber, String site, String room, LocalDate date, LocalTime time, String invigilators,
                      String observations) {

        /** Rows with the same group belong to the same session. */
        String group() {
            return pixNumber != null ? "#" + pixNumber : slot();
        }

        String slot() {
            return Folding.fold(site) + "|" + Folding.fold(room) + "|" + date + "|" + time;
        }

        String roomKey() {
            return Folding.fold(site) + "|" + Folding.fold(room);
        }
    }
}
