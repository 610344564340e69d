package org.medfetch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real opentracker (Debian package) on 127.0.0.1. The Debian build only tracks whitelisted
 * info-hashes and, run as root, chroots into its folder and drops to 'nobody': the folder and the
 * whitelist are made readable for that.
 */
public final class OpenTracker implements AutoCloseable {

    private final Process process;
    private final int port;

    /** @param port a free port ({@link LocalPorts#free()}): torrents announce to it before the tracker starts */
    public OpenTracker(Path dir, List<String> infoHashes, int port) throws IOException, InterruptedException {
        Path opentracker = Tools.require("opentracker", "opentracker");
        Files.createDirectories(dir);
        this.port = port;
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path whitelist = Files.write(dir.resolve("whitelist.txt"), infoHashes);
        Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
        String conf = Tools.root()
                ? "tracker.rootdir " + dir + "\naccess.whitelist /whitelist.txt\n"
                : "access.whitelist " + whitelist + "\n";
        conf += "listen.tcp 127.0.0.1:" + port + "\nlisten.udp 127.0.0.1:" + port + "\n";
        Files.writeString(dir.resolve("opentracker.conf"), conf);
        process = new ProcessBuilder(opentracker.toString(), "-f", dir.resolve("opentracker.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        LocalPorts.awaitListening(process, port, dir.resolve("log.txt"));
    }

    public String announce() {
        return "http://127.0.0.1:" + port + "/announce";
    }

    /** The same tracker over UDP (BEP 15). */
    public String udpAnnounce() {
        return "udp://127.0.0.1:" + port + "/announce";
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
