package org.medfetch.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real aria2c (Debian package) seeding a torrent on 127.0.0.1 only: no DHT, no local peer discovery,
 * no peer exchange, no IPv6; it checks its data first (-V) and seeds until closed.
 */
public final class Aria2Seeder implements AutoCloseable {

    private final Process process;
    private final int port;

    /** @param dir the folder holding the torrent's payload (as mktorrent saw it) */
    public Aria2Seeder(Path torrent, Path dir, Path log) throws IOException, InterruptedException {
        this(torrent, dir, log, List.of());
    }

    /**
     * @param options more aria2c options, e.g. {@code --bt-tracker=URL --bt-exclude-tracker=*}: aria2c announces
     *                to UDP trackers only with its DHT on, so a test whose torrent names a UDP tracker has the
     *                seeder announce to the same opentracker over HTTP
     */
    public Aria2Seeder(Path torrent, Path dir, Path log, List<String> options) throws IOException, InterruptedException {
        Path aria2c = Tools.require("aria2c", "aria2");
        this.port = LocalPorts.free();
        List<String> command = new ArrayList<>(List.of(aria2c.toString(), "--enable-dht=false", "--enable-dht6=false",
                "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--disable-ipv6=true",
                "--interface=127.0.0.1", "-V", "--seed-ratio=0.0", "--summary-interval=0",
                "--listen-port=" + port, "--dir=" + dir));
        command.addAll(options);
        command.add(torrent.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalPorts.awaitListening(process, port, log);
    }

    public String peer() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
