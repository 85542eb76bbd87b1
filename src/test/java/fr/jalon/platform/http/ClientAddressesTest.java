package fr.jalon.platform.http;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressesTest {

    private final ClientAddresses behindNginx = ClientAddresses.trusting("127.0.0.1, 10.0.0.0/8, ::1");

    @Test
    void aClientCannotChooseItsAddressWithoutATrustedProxy() {
        ClientAddresses none = ClientAddresses.trusting("");
        assertEquals("203.0.113.7", none.of("203.0.113.7", Optional.of("198.51.100.1")));
        assertEquals("203.0.113.7", behindNginx.of("203.0.113.7", Optional.of("198.51.100.1")),
                "the peer is not a proxy we trust: its header is ignored");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        assertEquals("198.51.100.1", behindNginx.of("127.0.0.1", Optional.of("198.51.100.1")));
        assertEquals("198.51.100.1", behindNginx.of("10.1.2.3", Optional.of("6.6.6.6, 198.51.100.1, 10.0.0.5")),
                "a forged left-most entry does not count");
        assertEquals("10.1.2.3", behindNginx.of("10.1.2.3", Optional.empty()));
        assertEquals("10.1.2.3", behindNginx.of("10.1.2.3", Optional.of("pas-une-adresse")), "garbage: the peer");
        assertEquals("2001:db8::7", behindNginx.of("::1", Optional.of("2001:db8::7")));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientAddresses.limitKey("2001:db8:1:2:aaaa::1"));
        assertEquals(ClientAddresses.limitKey("2001:db8:1:2::1"), ClientAddresses.limitKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals("203.0.113.7", ClientAddresses.limitKey("203.0.113.7"));
    }

    @Test
    void aBadSettingStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting("nginx.local"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting("10.0.0.0/33"));
    }
}
