package org.medfetch.engine.torrent;

import bt.Bt;
import bt.BtClientBuilder;
import bt.data.LocalBitfield;
import bt.metainfo.Torrent;
import bt.metainfo.TorrentId;
import bt.module.ServiceModule;
import bt.peer.IPeerRegistry;
import bt.protocol.crypto.EncryptionPolicy;
import bt.runtime.BtRuntime;
import bt.runtime.BtRuntimeBuilder;
import bt.runtime.Config;
import bt.tracker.AnnounceKey;
import bt.tracker.ITrackerService;
import bt.tracker.http.HttpTrackerModule;
import bt.torrent.TorrentDescriptor;
import bt.torrent.TorrentRegistry;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.medfetch.engine.RateLimiter;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.resolve.TorrentOptions;

/**
 * One bt runtime, built by medfetch so that it only talks to the peers and trackers it is given: no
 * local service discovery (multicast), no DHT, no modules found on the class path; bt's UDP tracker
 * client (part of its core), its HTTP tracker client and the explicit peers only. Each torrent gets its
 * own runtime, so a hung one can be abandoned.
 */
final class TorrentRuntime {

    private final BtRuntime runtime;
    private final int port;
    private final Duration stopTimeout;

    private TorrentRuntime(BtRuntime runtime, int port, Duration stopTimeout) {
        this.runtime = runtime;
        this.port = port;
        this.stopTimeout = stopTimeout;
    }

    /** @param upload what the runtime may send to peers (--max-upload-rate), shared by the process */
    static TorrentRuntime start(TorrentSettings settings, TorrentOptions options, ExplicitPeers peers,
                                RateLimiter upload) throws TransferException {
        InetAddress address = usable(settings.bindAddress());
        int port = freePort(address, options.port());
        Config config = new Config();
        config.setAcceptorAddress(address);
        config.setAcceptorPort(port);
        // bt's default of 3 pieces at a time per peer left loopback at a third of the speed
        config.setMaxSimultaneouslyAssignedPieces(16);
        // and 250 requests (16 KiB blocks) in flight per peer left it waiting for round trips: 1000 fetched
        // 512 MiB from aria2c in ~6.3 s instead of ~9 s here (libtorrent seeders accept 2000)
        config.setMaxOutstandingRequests(1000);
        // MSE's handshake took ~3 s per connection here; off unless asked for
        config.setMseDisabled(!options.encryption());
        config.setEncryptionPolicy(options.encryption() ? EncryptionPolicy.PREFER_ENCRYPTED
                : EncryptionPolicy.PREFER_PLAINTEXT);
        config.setShutdownHookTimeout(settings.stopTimeout().dividedBy(2));
        BtRuntimeBuilder builder = BtRuntime.builder(config)
                .disableLocalServiceDiscovery()
                .module(new HttpTrackerModule())
                .module(binder -> ServiceModule.extend(binder).addPeerSourceFactory(peers));
        if (upload.limited()) {
            builder.module(new UploadLimit(upload));
        }
        BtRuntime runtime = builder.build();
        return new TorrentRuntime(runtime, port, settings.stopTimeout());
    }

    int port() {
        return port;
    }

    BtClientBuilder client() {
        return Bt.client(runtime);
    }

    /** A client that only fetches a magnet's metadata and hands it over. */
    MetadataOnlyClient metadataClient(Consumer<Torrent> metadata) {
        return new MetadataOnlyClient(runtime, metadata);
    }

    /**
     * Announces to these trackers too (a magnet's tr=, --tracker, http(s) and udp); schemes bt cannot speak
     * (wss) are skipped. bt ignores a torrent's whole announce list when one of its trackers has such a
     * scheme, so the others of such a list are added here one by one.
     */
    void addTrackers(String infoHash, Torrent torrent, List<String> trackers) {
        TorrentId id = TorrentId.fromBytes(HexFormat.of().parseHex(infoHash));
        ITrackerService trackerService = runtime.service(ITrackerService.class);
        IPeerRegistry registry = runtime.service(IPeerRegistry.class);
        List<String> all = new java.util.ArrayList<>(trackers);
        AnnounceKey own = torrent == null ? null : torrent.getAnnounceKey().orElse(null);
        if (own != null && own.isMultiKey()
                && own.getTrackerUrls().stream().flatMap(List::stream).anyMatch(u -> !trackerService.isSupportedProtocol(u))) {
            own.getTrackerUrls().stream().flatMap(List::stream).filter(u -> !all.contains(u)).forEach(all::add);
        }
        all.stream().filter(trackerService::isSupportedProtocol)
                .forEach(url -> registry.addPeerSource(id, new AnnounceKey(url)));
    }

    /** What bt knows of the torrent's pieces once its data is set up (after it re-checked what is on disk). */
    java.util.Optional<LocalBitfield> bitfield(TorrentId id) {
        return runtime.service(TorrentRegistry.class).getDescriptor(id)
                .map(TorrentDescriptor::getDataDescriptor).map(d -> d == null ? null : d.getBitfield());
    }

    /**
     * Stops the runtime and its clients. bt 1.10 sometimes hangs (spinning, or waiting forever): when
     * stopping takes longer than the stop timeout the runtime is abandoned to its threads, which end
     * with the process.
     *
     * @return false when the runtime was abandoned
     */
    boolean shutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            try {
                runtime.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "medfetch-bt-stop-" + port);
        stopper.setDaemon(true);
        stopper.start();
        try {
            return stopped.await(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The address to listen on: the IPv6 wildcard (both stacks) falls back to 0.0.0.0 where IPv6 is off. */
    private static InetAddress usable(InetAddress wanted) {
        if (!(wanted instanceof Inet6Address) || !wanted.isAnyLocalAddress()) {
            return wanted;
        }
        try (ServerSocket probe = new ServerSocket(0, 1, wanted)) {
            return wanted;
        } catch (IOException noIpv6) {
            try {
                return InetAddress.getByAddress(new byte[4]);
            } catch (java.net.UnknownHostException impossible) {
                throw new IllegalStateException("four zero bytes are an IPv4 address", impossible);
            }
        }
    }

    /**
     * The port asked for, or a free one. bt only logs a port it cannot bind and runs without a listener,
     * so the port is tried here first.
     */
    private static int freePort(InetAddress address, Integer wanted) throws TransferException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, wanted == null ? 0 : wanted));
            return probe.getLocalPort();
        } catch (IOException e) {
            String where = address.getHostAddress() + (wanted == null ? "" : " port " + wanted + " (--bt-port)");
            throw new TransferException(Kind.NETWORK, true, "cannot listen on " + where + ": " + e.getMessage());
        }
    }
}
