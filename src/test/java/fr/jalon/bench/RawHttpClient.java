package fr.jalon.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A deliberately thin HTTP/1.1 keep-alive client for load generation: one socket per client
 * thread, pre-built requests, responses read and discarded. The JDK's HttpClient costs enough CPU
 * on a 2-core machine to distort what the server can do; this one costs little.
 */
final class RawHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends a request and returns the status code (the body is read and dropped). */
    int send(String method, String path, String token, byte[] jsonBody) {
        return send(method, path, token, jsonBody, "");
    }

    /** The same with extra header lines ({@code "Name: value\r\n"} each). */
    int send(String method, String path, String token, byte[] jsonBody, String extraHeaders) {
        try {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            }
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + jsonBody.length + "\r\n" + extraHeaders + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(jsonBody);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private int readResponse() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                in.skipNBytes(size);
                line();
            }
            line();
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return code;
    }

    private String line() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                buffer.write(b);
            }
        }
        if (b == -1 && buffer.size() == 0) {
            throw new IOException("connection closed");
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // nothing left to release
        }
        socket = null;
    }
}
