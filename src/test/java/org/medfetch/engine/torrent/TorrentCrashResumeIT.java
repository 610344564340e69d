package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.it.MedfetchProcess;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Store;

/**
 * Kills a real {@code java -jar medfetch.jar get} of a torrent with SIGKILL mid-download, then resumes
 * with {@code run}: bt re-checks what is on disk, only the missing pieces are fetched, and every file
 * ends with the seeded SHA-256.
 */
class TorrentCrashResumeIT {

    private static final List<String> FILES = List.of("a/one.bin", "a/two.bin", "b/three.bin");

    @TempDir
    Path tmp;

    @Test
    void killNineMidTorrentThenRunFetchesOnlyTheMissingPieces() throws Exception {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put(FILES.get(0), 1_500_000);
        layout.put(FILES.get(1), 1_000_000);
        layout.put(FILES.get(2), 1_200_000);
        Path ws = tmp.resolve("ws");
        Path logs = tmp.resolve("logs");
        try (LoopbackSwarm swarm = new LoopbackSwarm(tmp.resolve("swarm"), "scans", layout, null)) {
            // the first seeder lacks b/three.bin: the child gets everything else and then waits for peers
            LoopbackSwarm.Seeder partial = swarm.seedWithout("b/three.bin");
            int available = partial.piecesComplete();
            Path torrent = swarm.writeTorrent(tmp.resolve("scans.torrent"));
            Process child = MedfetchProcess.start(logs, Map.of(), "--workspace", ws.toString(), "get",
                    torrent.toString(), "--peer", partial.peer(), "--no-progress");
            while (child.isAlive() && piecesDone(ws) < available) {
                Thread.sleep(100);
            }
            assertTrue(child.isAlive(), "the child must still be waiting for the missing pieces");
            MedfetchProcess.Result status = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(),
                    "status");
            assertTrue(status.out().contains("(" + available + "/" + swarm.pieces() + " pieces)"), status.out());
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            swarm.stop(partial);

            LoopbackSwarm.Seeder full = swarm.seedOn(partial.port());
            MedfetchProcess.Result run = MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "run",
                    "--no-progress");
            assertEquals(0, run.exitCode(), run.out() + run.err());

            long missing = (long) (swarm.pieces() - available) * LoopbackSwarm.PIECE;
            assertTrue(full.uploaded() <= missing, "the resumed run fetched " + full.uploaded()
                    + " bytes, more than the " + missing + " bytes of the pieces the first one lacked");
            try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
                for (String file : FILES) {
                    Path local = ws.resolve("downloads/scans/scans/" + file);
                    String sha = FinishedFiles.sha256(swarm.payload(file)).sha256();
                    assertEquals(sha, FinishedFiles.sha256(local).sha256(), file);
                    FileRecord row = store.fileByPath("downloads/scans/scans/" + file).orElseThrow();
                    assertEquals(FileState.DONE, row.state());
                    assertEquals(sha, row.sha256());
                }
            }
            assertEquals(0, MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "verify").exitCode());
        }
    }

    /** Pieces done as the torrent's row records them (0 before there is one, or while the database is busy). */
    static int piecesDone(Path ws) {
        Path db = ws.resolve("downloads/.medfetch/state.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try (Store store = Store.open(db, Clock.systemUTC())) {
            return store.jobs(null).stream().flatMap(j -> store.files(j.id()).stream()).filter(FileRecord::isTorrent)
                    .map(FileRecord::piecesDone).filter(p -> p != null).findFirst().orElse(0);
        } catch (RuntimeException busy) {
            return 0;
        }
    }
}
