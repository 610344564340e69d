package org.medfetch.engine.torrent;

import bt.Bt;
import bt.data.file.FileSystemStorage;
import bt.metainfo.MetadataService;
import bt.metainfo.Torrent;
import bt.net.InetPeer;
import bt.peer.IPeerRegistry;
import bt.runtime.BtRuntime;
import bt.runtime.Config;
import bt.torrent.TorrentRegistry;
import bt.torrent.TorrentSessionState;
import bt.torrent.maker.TorrentBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;

/**
 * A swarm on 127.0.0.1 for tests: a random multi-file payload, its torrent (made by bt's TorrentBuilder)
 * and bt seeders serving it, with DHT and local service discovery off and no tracker.
 */
final class LoopbackSwarm implements AutoCloseable {

    static final int PIECE = 32 * 1024;

    private final Path seedRoot;
    private final String name;
    private final Map<String, Integer> layout;
    private final byte[] torrentBytes;
    private final Torrent torrent;
    private final List<Seeder> seeders = new ArrayList<>();

    /** A bt peer and what it has verified: a seeder, or a leecher (which seeds what it has). */
    record Seeder(BtRuntime runtime, int port, AtomicReference<TorrentSessionState> state) {
        String peer() {
            return "127.0.0.1:" + port;
        }

        int piecesComplete() {
            return state.get().getPiecesComplete();
        }

        /** Bytes this seeder sent (bt's counter; one leecher that stays connected keeps it exact). */
        long uploaded() {
            return state.get().getUploaded();
        }
    }

    /**
     * @param layout relative path inside the torrent folder -> size in bytes, in torrent order
     */
    LoopbackSwarm(Path dir, String name, Map<String, Integer> layout, String announce) throws IOException {
        this.seedRoot = dir.resolve("seed");
        this.name = name;
        this.layout = new LinkedHashMap<>(layout);
        Random random = new Random(name.hashCode());
        Files.createDirectories(layout.size() == 1 ? seedRoot : seedRoot.resolve(name));
        TorrentBuilder builder = new TorrentBuilder().rootPath(layout.size() == 1 ? seedRoot : seedRoot.resolve(name))
                .pieceSize(PIECE);
        if (announce != null) {
            builder.announce(announce);
        }
        for (Map.Entry<String, Integer> file : layout.entrySet()) {
            byte[] bytes = new byte[file.getValue()];
            random.nextBytes(bytes);
            Path path = payload(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
            builder.addFile(path);
        }
        this.torrentBytes = builder.build();
        this.torrent = new MetadataService().fromByteArray(torrentBytes);
    }

    /** Three files in two folders, a few hundred KiB, pieces crossing file boundaries. */
    static LoopbackSwarm standard(Path dir) throws IOException {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put("scans/a.nii.gz", 300_000);
        layout.put("scans/b.nii.gz", 200_001);
        layout.put("notes/readme.txt", 150_000);
        return new LoopbackSwarm(dir, "study", layout, null);
    }

    String name() {
        return name;
    }

    Map<String, Integer> layout() {
        return layout;
    }

    /** Where the seeded copy of a file is; a single-file torrent is the file {@code <name>} itself. */
    Path payload(String relative) {
        return layout.size() == 1 ? seedRoot.resolve(name) : seedRoot.resolve(name).resolve(relative);
    }

    String infoHash() {
        return MetainfoReader.infoHash(torrent);
    }

    int pieces() {
        return (int) ((torrent.getSize() + PIECE - 1) / PIECE);
    }

    Path writeTorrent(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, torrentBytes);
    }

    String magnet(String... peers) {
        StringBuilder magnet = new StringBuilder("magnet:?xt=urn:btih:" + infoHash() + "&dn=" + name);
        for (String peer : peers) {
            magnet.append("&x.pe=").append(peer);
        }
        return magnet.toString();
    }

    /**
     * Starts a bt seeder (a peer of its own, not medfetch's runtime) over the payload; returns once it has
     * checked its data and accepts peers for the torrent.
     */
    Seeder seed() throws IOException, InterruptedException {
        return seed(seedRoot, 0, InetAddress.getLoopbackAddress());
    }

    /** A seeder of the whole payload listening on ::1 only; skips the test where IPv6 is off. */
    Seeder seedOnIpv6Loopback() throws IOException, InterruptedException {
        InetAddress ipv6 = InetAddress.getByName("::1");
        try (ServerSocket probe = new ServerSocket(0, 1, ipv6)) {
            probe.getLocalPort();
        } catch (IOException noIpv6) {
            Assumptions.abort("this machine has no IPv6 loopback: " + noIpv6.getMessage());
        }
        return seed(seedRoot, 0, ipv6);
    }

    /** A seeder of the whole payload on this port (where an earlier seeder listened). */
    Seeder seedOn(int port) throws IOException, InterruptedException {
        return seed(seedRoot, port, InetAddress.getLoopbackAddress());
    }

    /** A seeder that lacks one file: it serves every piece but those holding bytes of that file. */
    Seeder seedWithout(String relative) throws IOException, InterruptedException {
        Path root = seedRoot.resolveSibling("partial-" + seeders.size());
        for (String file : layout.keySet()) {
            if (!file.equals(relative)) {
                Path copy = root.resolve(seedRoot.relativize(payload(file)));
                Files.createDirectories(copy.getParent());
                Files.copy(payload(file), copy);
            }
        }
        return seed(root, 0, InetAddress.getLoopbackAddress());
    }

    /** A bt leecher starting from nothing that fetches from the peer at 127.0.0.1:port (and then seeds). */
    Seeder leechFrom(int port) throws IOException, InterruptedException {
        Seeder leecher = seed(Files.createDirectories(seedRoot.resolveSibling("leecher-" + seeders.size())), 0,
                InetAddress.getLoopbackAddress());
        leecher.runtime().service(IPeerRegistry.class).addPeer(torrent.getTorrentId(),
                InetPeer.build(InetAddress.getLoopbackAddress(), port));
        return leecher;
    }

    private Seeder seed(Path root, int wanted, InetAddress address) throws IOException, InterruptedException {
        int port = wanted;
        if (port == 0) {
            try (ServerSocket probe = new ServerSocket(0, 1, address)) {
                port = probe.getLocalPort();
            }
        }
        Config config = new Config();
        config.setAcceptorAddress(address);
        config.setAcceptorPort(port);
        config.setMseDisabled(true);
        config.setMaxSimultaneouslyAssignedPieces(16);
        BtRuntime runtime = BtRuntime.builder(config).disableLocalServiceDiscovery().build();
        AtomicReference<TorrentSessionState> state = new AtomicReference<>();
        Bt.client(runtime).storage(new FileSystemStorage(root)).torrent(() -> torrent).build()
                .startAsync(state::set, 50);
        Seeder seeder = new Seeder(runtime, port, state);
        seeders.add(seeder);
        TorrentRegistry registry = runtime.service(TorrentRegistry.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (registry.getDescriptor(torrent.getTorrentId()).map(d -> !d.isActive()).orElse(true)
                || state.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the seeder did not start serving " + name);
            }
            Thread.sleep(20);
        }
        return seeder;
    }

    void stop(Seeder seeder) {
        seeder.runtime().shutdown();
        seeders.remove(seeder);
    }

    @Override
    public void close() {
        List.copyOf(seeders).forEach(this::stop);
    }
}
