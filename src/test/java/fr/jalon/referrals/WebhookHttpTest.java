package fr.jalon.referrals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed webhooks go where they are addressed, and in production only to public addresses. */
class WebhookHttpTest {

    @Test
    void aRedirectIsNeverFollowed() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());
            receiver.start();
            OkHttpClient client = WebhookHttp.client(false);
            try (Response response = client.newCall(new Request.Builder().url(receiver.url("/jalon")).build()).execute()) {
                assertEquals(302, response.code(), "a redirect is an answer, not a new destination");
                assertFalse(response.isSuccessful());
            }
            assertEquals(1, receiver.getRequestCount(), "nothing was sent to /elsewhere");
        }
    }

    @Test
    void inProductionNamesResolvingToInternalAddressesAreRefused() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "224.0.0.1")) {
            Dns resolver = WebhookHttp.publicOnly(host -> List.of(InetAddress.getByName(internal)));
            assertThrows(UnknownHostException.class, () -> resolver.lookup("partenaire.example"), internal);
        }
        for (String external : List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "172.32.0.1")) {
            Dns resolver = WebhookHttp.publicOnly(host -> List.of(InetAddress.getByName(external)));
            assertEquals(1, resolver.lookup("partenaire.example").size(), external);
        }
        Dns mixed = WebhookHttp.publicOnly(host -> List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("127.0.0.1")));
        assertThrows(UnknownHostException.class, () -> mixed.lookup("rebind.example"), "one internal answer is enough");
        try (MockWebServer local = new MockWebServer()) {
            local.start();
            OkHttpClient production = WebhookHttp.client(true);
            assertThrows(UnknownHostException.class, () -> production.newCall(new Request.Builder()
                    .url("http://localhost:" + local.getPort() + "/jalon").build()).execute());
            assertTrue(local.getRequestCount() == 0);
        }
    }
}
