package org.medfetch.resolve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated BitTorrent magnet link (BEP 9). medfetch checks magnets itself because bt 1.10's parser
 * cuts tracker URLs at '=', ignores IPv6 peers and throws on a parameter without '='.
 *
 * @param infoHash    40 lower-case hex digits
 * @param displayName the dn parameter, or null
 * @param trackers    tr parameters, decoded
 * @param peers       x.pe parameters as host:port ([v6]:port for IPv6)
 * @param webSeeds    ws parameters (BEP 19 web seeds), decoded http(s) URLs
 */
public record MagnetLink(String infoHash, String displayName, List<String> trackers, List<String> peers,
                         List<String> webSeeds) {

    private static final Pattern HEX40 = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]{32}");
    private static final Pattern TRACKER = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s\\p{Cntrl}]+[^\\s\\p{Cntrl}]*");
    private static final Pattern PEER = Pattern.compile("(?:\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):\\d{1,5}");

    public MagnetLink {
        trackers = List.copyOf(trackers);
        peers = List.copyOf(peers);
        webSeeds = List.copyOf(webSeeds);
    }

    public static boolean isMagnet(String text) {
        return text.regionMatches(true, 0, "magnet:", 0, 7);
    }

    /** Parses and validates; the exception message says exactly what is wrong. */
    public static MagnetLink parse(String text) {
        if (!text.regionMatches(true, 0, "magnet:?", 0, 8)) {
            throw new IllegalArgumentException("a magnet link starts with 'magnet:?'");
        }
        String hash = null;
        String name = null;
        List<String> trackers = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        List<String> webSeeds = new ArrayList<>();
        for (String param : text.substring(8).split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("magnet parameter '" + param + "' has no value");
            }
            String key = param.substring(0, eq);
            String value = decode(param.substring(eq + 1), key);
            switch (key) {
                case "xt" -> {
                    if (value.regionMatches(true, 0, "urn:btih:", 0, 9)) {
                        if (hash != null) {
                            throw new IllegalArgumentException("the magnet link has more than one btih info-hash");
                        }
                        hash = infoHash(value.substring(9));
                    }
                }
                case "dn" -> name = value;
                case "tr" -> trackers.add(tracker(value));
                case "x.pe" -> {
                    if (!PEER.matcher(value).matches()) {
                        throw new IllegalArgumentException("magnet peer '" + value + "' is not HOST:PORT");
                    }
                    peers.add(value);
                }
                case "ws" -> webSeeds.add(webSeed(value));
                default -> { }
            }
        }
        if (hash == null) {
            throw new IllegalArgumentException("the magnet link has no xt=urn:btih:<info-hash>");
        }
        return new MagnetLink(hash, name, trackers, peers, webSeeds);
    }

    /**
     * A tracker URL as given, when it is one: a scheme, "://" and a host, no spaces or control
     * characters. bt skips schemes it cannot speak (udp, wss), but throws on anything else.
     *
     * @throws IllegalArgumentException saying it is not a URL
     */
    public static String tracker(String url) {
        if (!TRACKER.matcher(url).matches()) {
            String shown = url.length() <= 80 ? url : url.substring(0, 80) + "...";
            throw new IllegalArgumentException("tracker '" + shown + "' is not a URL like http://tracker.example/announce");
        }
        return url;
    }

    /**
     * A web seed URL as given, when it is one medfetch can fetch from: http or https, a host.
     *
     * @throws IllegalArgumentException saying it is not one
     */
    public static String webSeed(String url) {
        if (!TRACKER.matcher(url).matches() || !(url.regionMatches(true, 0, "http://", 0, 7)
                || url.regionMatches(true, 0, "https://", 0, 8))) {
            String shown = url.length() <= 80 ? url : url.substring(0, 80) + "...";
            throw new IllegalArgumentException("web seed '" + shown + "' is not an http(s) URL");
        }
        return url;
    }

    private static String decode(String value, String key) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("magnet parameter '" + key + "' has a bad %-escape");
        }
    }

    private static String infoHash(String text) {
        if (HEX40.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (BASE32.matcher(text).matches()) {
            return base32ToHex(text.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("info-hash '" + text + "' is neither 40 hex digits nor 32 base32 characters");
    }

    private static String base32ToHex(String text) {
        StringBuilder hex = new StringBuilder(40);
        long buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | (c >= 'A' ? c - 'A' : c - '2' + 26);
            bits += 5;
            while (bits >= 4) {
                bits -= 4;
                hex.append(Character.forDigit((int) (buffer >> bits) & 0xf, 16));
            }
        }
        return hex.toString();
    }
}
