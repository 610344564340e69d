package org.medfetch.engine.torrent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

/**
 * How medfetch runs bt, chosen once per process (the per-torrent choices are in {@code TorrentOptions}).
 *
 * @param bindAddress   where peers connect to us; bt also binds outgoing peer and tracker connections to
 *                      it, so a loopback address keeps a swarm on the machine
 * @param stallTimeout  no piece completed for this long (and no bytes that could still complete one)
 *                      means the torrent is stalled: its client is stopped and the file retried later
 * @param stopTimeout   how long stopping a client may take before its runtime is abandoned
 * @param recheckRate   bytes per second bt re-checks existing data at, at the least: the time it needs
 *                      for the data on disk is added to the stall timeout while it re-checks
 * @param poll          how often the session looks at bt's state
 * @param checkpoint    how often pieces done are recorded
 * @param httpTimeout   connect and read timeout when fetching a .torrent over HTTP
 * @param stallPieces   bytes received without a completed piece count as progress up to this many pieces'
 *                      worth (a slow swarm with large pieces is not stalled; a peer resending a piece that
 *                      fails its hash check is, once this is used up)
 */
public record TorrentSettings(
        InetAddress bindAddress,
        Duration stallTimeout,
        Duration stopTimeout,
        long recheckRate,
        Duration poll,
        Duration checkpoint,
        Duration httpTimeout,
        int stallPieces) {

    /**
     * Listens on every interface, as a peer in a real swarm must, IPv6 included (bt binds outgoing peer
     * connections to this address too, so 0.0.0.0 could not reach an IPv6 peer); 0.0.0.0 where IPv6 is off.
     */
    public static TorrentSettings defaults() {
        return new TorrentSettings(address("::"), Duration.ofMinutes(5), Duration.ofSeconds(10),
                32L << 20, Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(60), 64);
    }

    /**
     * The defaults, with what the environment overrides: MEDFETCH_BT_BIND (the address to listen on and
     * to connect from, e.g. 127.0.0.1 to keep a swarm on this machine) and MEDFETCH_BT_STALL_SECONDS.
     */
    public static TorrentSettings fromEnvironment(Map<String, String> env) {
        TorrentSettings settings = defaults();
        String bind = env.get("MEDFETCH_BT_BIND");
        if (bind != null && !bind.isBlank()) {
            settings = settings.withBindAddress(address(bind.strip()));
        }
        String stall = env.get("MEDFETCH_BT_STALL_SECONDS");
        if (stall != null && !stall.isBlank()) {
            try {
                settings = settings.withStallTimeout(Duration.ofSeconds(Long.parseLong(stall.strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MEDFETCH_BT_STALL_SECONDS must be a number of seconds, not '"
                        + stall + "'");
            }
        }
        return settings;
    }

    /** Binds to 127.0.0.1 only: for swarms on this machine (tests, benchmarks). */
    public static TorrentSettings loopback() {
        return defaults().withBindAddress(address("127.0.0.1"));
    }

    public TorrentSettings withBindAddress(InetAddress address) {
        return new TorrentSettings(address, stallTimeout, stopTimeout, recheckRate, poll, checkpoint, httpTimeout,
                stallPieces);
    }

    public TorrentSettings withStallTimeout(Duration timeout) {
        return new TorrentSettings(bindAddress, timeout, stopTimeout, recheckRate, poll, checkpoint, httpTimeout,
                stallPieces);
    }

    public TorrentSettings withStallPieces(int pieces) {
        return new TorrentSettings(bindAddress, stallTimeout, stopTimeout, recheckRate, poll, checkpoint, httpTimeout,
                pieces);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address", e);
        }
    }
}
