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
import org.medfetch.it.RangeFileServer;
import org.medfetch.store.Store;

/**
 * Kills a real {@code java -jar medfetch.jar get} of a torrent served by a web seed alone with SIGKILL,
 * then resumes with {@code run}: what the first run verified is not fetched from the seed again.
 */
class WebSeedCrashResumeIT {

    private static final List<String> FILES = List.of("a/one.bin", "a/two.bin", "b/three.bin");

    @TempDir
    Path tmp;

    @Test
    void killNineDuringAWebSeedDownloadThenRunFetchesOnlyWhatIsMissing() throws Exception {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put(FILES.get(0), 1_500_000);
        layout.put(FILES.get(1), 1_000_000);
        layout.put(FILES.get(2), 1_200_000);
        Path ws = tmp.resolve("ws");
        Path logs = tmp.resolve("logs");
        Path www = tmp.resolve("www");
        try (LoopbackSwarm swarm = new LoopbackSwarm(tmp.resolve("swarm"), "scans", layout, null);
             RangeFileServer seed = new RangeFileServer(www, 0)) {
            // the seed lacks b/three.bin for now: the child gets everything else from it and then waits
            for (String file : FILES.subList(0, 2)) {
                Files.createDirectories(www.resolve("scans").resolve(file).getParent());
                Files.copy(swarm.payload(file), www.resolve("scans").resolve(file));
            }
            int available = (1_500_000 + 1_000_000) / LoopbackSwarm.PIECE;
            Path torrent = swarm.writeTorrent(tmp.resolve("scans.torrent"));
            Process child = MedfetchProcess.start(logs, Map.of("MEDFETCH_BT_BIND", "127.0.0.1"), "--workspace",
                    ws.toString(), "get", torrent.toString(), "--web-seed", seed.url(""), "--no-progress");
            while (child.isAlive() && TorrentCrashResumeIT.piecesDone(ws) < available) {
                Thread.sleep(100);
            }
            assertTrue(child.isAlive(), "the child must still be waiting for the missing pieces");
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            long one = seed.bytesSent("scans/a/one.bin");
            long two = seed.bytesSent("scans/a/two.bin");
            Files.createDirectories(www.resolve("scans/b"));
            Files.copy(swarm.payload(FILES.get(2)), www.resolve("scans").resolve(FILES.get(2)));

            MedfetchProcess.Result run = MedfetchProcess.run(logs, Map.of("MEDFETCH_BT_BIND", "127.0.0.1"),
                    "--workspace", ws.toString(), "run", "--no-progress");
            assertEquals(0, run.exitCode(), run.out() + run.err());

            assertEquals(one, seed.bytesSent("scans/a/one.bin"), "one.bin's pieces were all verified before the kill");
            assertTrue(seed.bytesSent("scans/a/two.bin") - two < LoopbackSwarm.PIECE,
                    "only the piece two.bin shares with three.bin is fetched again");
            try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
                for (String file : FILES) {
                    String sha = FinishedFiles.sha256(swarm.payload(file)).sha256();
                    assertEquals(sha, FinishedFiles.sha256(ws.resolve("downloads/scans/scans/" + file)).sha256(), file);
                    assertEquals(sha, store.fileByPath("downloads/scans/scans/" + file).orElseThrow().sha256());
                }
            }
            assertEquals(0, MedfetchProcess.run(logs, Map.of(), "--workspace", ws.toString(), "verify").exitCode());
        }
    }
}
