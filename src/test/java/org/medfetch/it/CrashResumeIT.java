package org.medfetch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Store;

/**
 * Kills a real {@code java -jar medfetch.jar get} with SIGKILL mid-download, several times, then resumes:
 * the file must end verified, and each kill may cost at most about one checkpoint batch per connection.
 */
class CrashResumeIT {

    private static final long MIB = 1024 * 1024;
    private static final long SIZE = 48 * MIB;
    private static final int CONNECTIONS = 4;
    private static final int KILLS = 3;

    @TempDir
    Path tmp;

    @Test
    void killNineThenRunEndsInAVerifiedFileAndRefetchesLittle() throws Exception {
        Path payload = Payloads.random(tmp.resolve("www/scan.bin"), SIZE, 42);
        String expected = Payloads.sha256(payload);
        Path ws = tmp.resolve("ws");
        try (RangeFileServer server = new RangeFileServer(tmp.resolve("www"), 3 * MIB)) {
            String[] get = {"--workspace", ws.toString(), "get", server.url("scan.bin"), "--no-progress",
                "--connections", String.valueOf(CONNECTIONS), "--checkpoint-every", "1M"};
            long committed = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                Process child = MedfetchProcess.start(tmp.resolve("logs"), Map.of(), get);
                long target = committed + 6 * MIB;
                while ((committed = committedBytes(ws)) < target && child.isAlive()) {
                    Thread.sleep(50);
                }
                if (!child.isAlive()) {
                    throw new AssertionError("the download must still be running when it is killed (kill " + kill
                            + "); it exited with " + child.exitValue() + ": " + Files.readString(tmp.resolve("logs/err.txt")));
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
                committed = committedBytes(ws);
            }
            MedfetchProcess.Result finish = MedfetchProcess.run(tmp.resolve("logs"), Map.of(), "--workspace",
                    ws.toString(), "run", "--no-progress", "--connections", String.valueOf(CONNECTIONS));
            assertEquals(0, finish.exitCode(), finish.err());

            Path downloaded = ws.resolve("downloads/scan/scan.bin");
            assertEquals(expected, Payloads.sha256(downloaded));
            assertTrue(Files.notExists(ws.resolve("downloads/scan/scan.bin.part")));
            try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
                FileRecord f = store.fileByPath("downloads/scan/scan.bin").orElseThrow();
                assertEquals(FileState.DONE, f.state());
                assertEquals(expected, f.sha256());
            }
            long refetched = server.bytesSent("scan.bin") - SIZE;
            // One batch (1 MiB) per connection per kill, plus what sat in read buffers and sockets.
            long bound = KILLS * CONNECTIONS * 2 * MIB;
            System.out.printf("CrashResumeIT: %d kills, %d bytes fetched again (bound %d)%n", KILLS, refetched, bound);
            assertTrue(refetched <= bound, "fetched " + refetched + " bytes again, more than " + bound);
            MedfetchProcess.Result verify = MedfetchProcess.run(tmp.resolve("logs"), Map.of(), "--workspace",
                    ws.toString(), "verify");
            assertEquals(0, verify.exitCode(), verify.out());
        }
    }

    private static long committedBytes(Path ws) {
        Path db = ws.resolve("downloads/.medfetch/state.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try (Store store = Store.open(db, Clock.systemUTC())) {
            return store.fileByPath("downloads/scan/scan.bin").map(f -> store.bytesDone(f.id())).orElse(0L);
        } catch (RuntimeException busy) {
            return 0;
        }
    }
}
