package fr.jalon.platform.disclosure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DisclosureTest {

    private static Disclosure.Group group(String key, String parent, int persons, int direct) {
        return new Disclosure.Group(key, parent, persons, direct);
    }

    @Test
    void tenPersonsPublishNothingAndElevenPublish() {
        assertEquals(Map.of("c", Disclosure.Reason.TOO_FEW), Disclosure.withheld(List.of(group("c", null, 10, 10))));
        assertEquals(Map.of(), Disclosure.withheld(List.of(group("c", null, 11, 11))));
    }

    @Test
    void whenOneServiceIsWithheldTheSmallestOtherIsWithheldToo() {
        // 40 = 25 + 12 + 3: publishing 40, 25 and 12 would give the 3 away by subtraction.
        Map<String, Disclosure.Reason> withheld = Disclosure.withheld(List.of(group("root", null, 40, 0),
                group("a", "root", 25, 25), group("b", "root", 12, 12), group("c", "root", 3, 3)));
        assertEquals(Map.of("c", Disclosure.Reason.TOO_FEW, "b", Disclosure.Reason.SECONDARY), withheld);
    }

    @Test
    void aParentNeverRevealsItsOwnSmallRemainder() {
        // 30 in the direction, 25 of them in one service, 5 attached to the direction itself.
        Map<String, Disclosure.Reason> withheld = Disclosure.withheld(List.of(group("root", null, 30, 0),
                group("direction", "root", 30, 5), group("service", "direction", 25, 25)));
        assertEquals(Map.of("service", Disclosure.Reason.SECONDARY), withheld);
    }

    @Test
    void secondarySuppressionGoesOnUntilTheWithheldPartHoldsElevenPersons() {
        // 4 + 4 withheld = 8 < 11: the smallest published service (12) joins them.
        Map<String, Disclosure.Reason> withheld = Disclosure.withheld(List.of(group("root", null, 60, 0),
                group("a", "root", 4, 4), group("b", "root", 4, 4), group("c", "root", 12, 12), group("d", "root", 40, 40)));
        assertEquals(Map.of("a", Disclosure.Reason.TOO_FEW, "b", Disclosure.Reason.TOO_FEW,
                "c", Disclosure.Reason.SECONDARY), withheld);
    }

    @Test
    void twoSmallServicesTogetherHoldingElevenNeedNoMore() {
        Map<String, Disclosure.Reason> withheld = Disclosure.withheld(List.of(group("root", null, 40, 0),
                group("a", "root", 6, 6), group("b", "root", 5, 5), group("c", "root", 29, 29)));
        assertEquals(Map.of("a", Disclosure.Reason.TOO_FEW, "b", Disclosure.Reason.TOO_FEW), withheld);
    }

    @Test
    void sharesOfNobodyOrEverybodyAreNotGiven() {
        assertNull(Disclosure.percent(0, 20));
        assertNull(Disclosure.percent(20, 20));
        assertNull(Disclosure.percent(1, 300), "0.3 % rounds to 0 %");
        assertNull(Disclosure.percent(299, 300), "99.7 % rounds to 100 %");
        assertEquals(33, Disclosure.percent(5, 15));
    }
}
