package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.Progress;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferStopped;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.FileState;

/** Torrents that cannot advance end as retryable STALLED failures (short watchdog), never as a hang. */
class StallTest {

    private static final TorrentSettings QUICK = TorrentSettings.loopback().withStallTimeout(Duration.ofSeconds(2));

    @TempDir
    Path dir;

    @Test
    void aPeerThatNeverAnswersStallsAMagnetWhileItWaitsForMetadata() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"));
             SilentPeer silent = new SilentPeer();
             TorrentJob job = new TorrentJob(dir.resolve("ws"), swarm.magnet(silent.address()), "study",
                     TorrentOptions.DEFAULTS)) {
            TransferException e = assertThrows(TransferException.class, () -> job.run(QUICK));
            assertStalled(e, "no peer sent the metadata of " + swarm.infoHash());
        }
    }

    @Test
    void aPauseFromAnotherProcessStopsAMagnetThatWaitsForMetadata() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"));
             SilentPeer silent = new SilentPeer();
             TorrentJob job = new TorrentJob(dir.resolve("ws"), swarm.magnet(silent.address()), "study",
                     TorrentOptions.DEFAULTS)) {
            Progress pauseWhileWaiting = new Progress() {
                @Override
                public void status(long fileId, String message) {
                    job.store.setState(job.fileId, FileState.PAUSED, "user");
                }
            };
            TransferStopped stopped = assertThrows(TransferStopped.class,
                    () -> job.run(TorrentSettings.loopback(), pauseWhileWaiting, new StopSignal()));
            assertEquals(StopSignal.Reason.PAUSED, stopped.reason());
        }
    }

    @Test
    void aPeerThatNeverAnswersStallsADownload() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"));
             SilentPeer silent = new SilentPeer()) {
            Path torrent = swarm.writeTorrent(dir.resolve("study.torrent"));
            try (TorrentJob job = new TorrentJob(dir.resolve("ws"), torrent.toString(), "study",
                    TorrentTransferTest.options(null, silent.address()))) {
                TransferException e = assertThrows(TransferException.class, () -> job.run(QUICK));
                assertStalled(e, "no piece arrived for 2 s (0 of " + swarm.pieces() + " pieces)");
            }
        }
    }

    @Test
    void anUnreachableTrackerAndNoPeersStallADownload() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        try (LoopbackSwarm swarm = new LoopbackSwarm(dir.resolve("swarm"), "study", LoopbackSwarm.standard(
                dir.resolve("layout")).layout(), "http://127.0.0.1:" + closed + "/announce")) {
            Path torrent = swarm.writeTorrent(dir.resolve("study.torrent"));
            try (TorrentJob job = new TorrentJob(dir.resolve("ws"), torrent.toString(), "study", TorrentOptions.DEFAULTS)) {
                TransferException e = assertThrows(TransferException.class, () -> job.run(QUICK));
                assertStalled(e, "no piece arrived");
            }
        }
    }

    private static void assertStalled(TransferException e, String start) {
        assertEquals(TransferException.Kind.STALLED, e.kind(), e::getMessage);
        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith(start), e::getMessage);
    }

    /** Accepts connections on 127.0.0.1 and never sends a byte. */
    private static final class SilentPeer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentPeer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-peer");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
