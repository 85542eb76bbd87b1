package fr.jalon.referrals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The HTTP client of webhooks. It never follows a redirect (a receiver cannot send Jalon's signed
 * payloads elsewhere), and in production it refuses, after DNS resolution, any target that is not
 * a public address: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10, cloud metadata), carrier-grade NAT (100.64/10), unspecified or multicast.
 */
final class WebhookHttp {

    private WebhookHttp() {
    }

    static OkHttpClient client(boolean production) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10))
                .followRedirects(false).followSslRedirects(false);
        if (production) {
            builder.dns(publicOnly(Dns.SYSTEM));
        }
        return builder.build();
    }

    /** A resolver that answers only public addresses of a host, or fails. */
    static Dns publicOnly(Dns upstream) {
        return hostname -> {
            List<InetAddress> addresses = upstream.lookup(hostname);
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new UnknownHostException("webhook target " + hostname + " resolves to a non-public address");
                }
            }
            return addresses;
        };
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xFE) == 0xFC;
            boolean mappedV4 = isV4Mapped(b);
            return !uniqueLocal && !(mappedV4 && !isPublicV4(b[12], b[13]));
        }
        return isPublicV4(b[0], b[1]);
    }

    private static boolean isPublicV4(byte first, byte second) {
        int a = first & 0xFF;
        int b = second & 0xFF;
        boolean carrierNat = a == 100 && b >= 64 && b <= 127;
        return a != 0 && a != 10 && a != 127 && !carrierNat && !(a == 169 && b == 254) && !(a == 172 && b >= 16 && b <= 31)
                && !(a == 192 && b == 168) && a < 224;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }
}
