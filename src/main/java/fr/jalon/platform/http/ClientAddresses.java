package fr.jalon.platform.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling, for rate limits: the socket's peer, unless that peer is one of the configured
 * trusted reverse proxies ({@code JALON_TRUSTED_PROXIES}: addresses or CIDR blocks, comma
 * separated) — then the right-most address of {@code X-Forwarded-For} that is not itself a trusted
 * proxy. A client never chooses its own address by sending the header: without a trusted proxy
 * the header is ignored. Rate limits count IPv6 clients per /64 (one household or one phone has a
 * whole /64). Pure functions apart from parsing addresses (no name lookups).
 */
public final class ClientAddresses {

    private record Block(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trusted;

    private ClientAddresses(List<Block> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** From the setting's text; an unreadable entry fails the start-up with its position. */
    public static ClientAddresses trusting(String proxies) {
        List<Block> blocks = new ArrayList<>();
        if (proxies != null) {
            for (String entry : proxies.split(",")) {
                String text = entry.strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] parts = text.split("/", 2);
                byte[] network = bytes(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                        "JALON_TRUSTED_PROXIES: « " + text + " » is not an IP address or a CIDR block"));
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("JALON_TRUSTED_PROXIES: bad prefix length in « " + text + " »");
                }
                blocks.add(new Block(network, bits));
            }
        }
        return new ClientAddresses(blocks);
    }

    /** The calling client's address, as described above. */
    public String of(String peer, Optional<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        String[] hops = forwardedFor.get().split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (bytes(hop).isEmpty()) {
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** The key a rate limit counts an address under: IPv4 as is, IPv6 by its /64. */
    public static String limitKey(String address) {
        Optional<byte[]> bytes = bytes(address);
        if (bytes.isEmpty() || bytes.get().length == 4) {
            return address;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(String.format("%x", ((bytes.get()[i] & 0xff) << 8) | (bytes.get()[i + 1] & 0xff))).append(':');
        }
        return key.append(":/64").toString();
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = bytes(address);
        return bytes.isPresent() && trusted.stream().anyMatch(b -> b.contains(bytes.get()));
    }

    /** A literal IPv4 or IPv6 address's bytes (IPv4-mapped IPv6 as IPv4); never a name lookup. */
    private static Optional<byte[]> bytes(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
