package fr.jalon.notifications;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

import fr.jalon.platform.config.SmsSettings;
import fr.jalon.platform.json.Jsons;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * SMS through a generic HTTP provider: {@code POST <url>} with a bearer token and the JSON
 * {@code {"from", "to", "text", "reference"}} (the reference is the notification id, for the
 * provider's own de-duplication). 2xx: sent. 408, 429 and 5xx, timeouts, network errors:
 * retried later. Any other 4xx: a permanent failure, shown to staff, not retried.
 */
final class HttpSmsTransport implements Transport {

    private static final MediaType JSON = MediaType.get("application/json");

    private final SmsSettings settings;
    private final OkHttpClient client;

    HttpSmsTransport(SmsSettings settings) {
        this.settings = settings;
        // TCP_NODELAY: a small request waiting for a delayed ACK cost 40 ms per SMS.
        this.client = new OkHttpClient.Builder().callTimeout(settings.timeout()).socketFactory(new NoDelaySockets()).build();
    }

    @Override
    public void send(Message message) throws Exception {
        String body = Jsons.createObjectBuilder()
                .add("from", settings.sender())
                .add("to", message.to())
                .add("text", message.text())
                .add("reference", message.id().toString())
                .build().toString();
        Request request = new Request.Builder().url(settings.url())
                .header("Authorization", "Bearer " + settings.token())
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                return;
            }
            if (code >= 400 && code < 500 && code != 408 && code != 429) {
                throw new PermanentFailure("Refusé par le fournisseur de SMS (HTTP " + code + ")");
            }
            throw new IOException("SMS provider answered HTTP " + code);
        }
    }

    /** Plain sockets with Nagle's algorithm off. */
    private static final class NoDelaySockets extends SocketFactory {

        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = plain.createSocket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort)
                throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local,
                                            int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, local, localPort));
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
