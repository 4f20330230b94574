package org.hotline.core.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which peers' {@code X-Forwarded-For} / {@code Forwarded} headers are believed (HOTLINE_TRUSTED_PROXIES,
 * CIDRs). The client address is the socket's peer, unless that peer is a trusted proxy: then the
 * forwarded chain is read from the right, skipping trusted proxies, and the first address that is
 * not one is the client. Anyone can write the header, so a chain is never believed past an untrusted hop.
 */
public final class TrustedProxies {

    private static final String KEY = "hotline.client-address";

    private final List<Cidr> cidrs;

    private TrustedProxies(List<Cidr> cidrs) {
        this.cidrs = List.copyOf(cidrs);
    }

    /** Nobody is trusted: the socket's peer is the client (the default). */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** From CIDRs such as {@code 10.0.0.0/8} or single addresses; a malformed one is refused. */
    public static TrustedProxies of(List<String> cidrs) {
        List<Cidr> parsed = new ArrayList<>();
        for (String text : cidrs) {
            if (!text.isBlank()) {
                parsed.add(Cidr.parse(text.trim()));
            }
        }
        return new TrustedProxies(parsed);
    }

    public boolean isEmpty() {
        return cidrs.isEmpty();
    }

    /** Resolves the client address once per request, for every limit and audit entry after it. */
    public Handler<RoutingContext> handler() {
        return ctx -> {
            ctx.put(KEY, clientOf(ctx.request()));
            ctx.next();
        };
    }

    /** The address {@link #handler()} resolved; the socket's peer on a route it did not run for. */
    public static String clientAddress(RoutingContext ctx) {
        String resolved = ctx.get(KEY);
        return resolved != null ? resolved : none().clientOf(ctx.request());
    }

    /** The client's address of this request. */
    public String clientOf(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (cidrs.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            client = chain.get(i);
            if (!trusted(client)) {
                return client;
            }
        }
        return client;
    }

    /** Left to right as the hops appended them; {@code Forwarded} (RFC 7239) wins when both are sent. */
    static List<String> forwardedChain(String forwarded, String xForwardedFor) {
        List<String> chain = new ArrayList<>();
        if (forwarded != null && !forwarded.isBlank()) {
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    String trimmed = pair.trim();
                    if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                        chain.add(forwardedNode(trimmed.substring(4)));
                    }
                }
            }
            return chain;
        }
        if (xForwardedFor != null) {
            Arrays.stream(xForwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(chain::add);
        }
        return chain;
    }

    // for="[2001:db8::1]:4711" or for=192.0.2.60:80 or for=unknown / _hidden
    private static String forwardedNode(String value) {
        String node = value.replace("\"", "").trim();
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    private boolean trusted(String address) {
        byte[] bytes = Cidr.literal(address);
        return bytes != null && cidrs.stream().anyMatch(cidr -> cidr.contains(bytes));
    }

    /** One network: its address bytes and prefix length. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR: " + text);
            }
            int bits = address.length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR: " + text);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range in " + text);
            }
            return new Cidr(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IPv4/IPv6 literal; null for anything else (never a DNS lookup). */
        static byte[] literal(String text) {
            String candidate = text.toLowerCase(Locale.ROOT);
            // an out-of-range quad would make InetAddress look the text up as a host name
            boolean v4 = candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(candidate.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
            boolean v6 = candidate.contains(":") && candidate.matches("[0-9a-f:.]+");
            if (!v4 && !v6) {
                return null;
            }
            try {
                byte[] bytes = InetAddress.getByName(candidate).getAddress();
                return bytes.length == 16 && isV4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
            } catch (UnknownHostException e) {
                return null;
            }
        }

        private static boolean isV4Mapped(byte[] bytes) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        }
    }
}
