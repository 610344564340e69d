package org.medfetch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Store;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to a real {@code java -jar medfetch.jar get} mid-download: each pauses the
 * file, prints the line that says how to resume, and exits 3, every time; a second Ctrl-C while the first is
 * being handled quits at once with 130; and the file still ends verified.
 */
class SignalsIT {

    private static final long MIB = 1024 * 1024;
    private static final long SIZE = 64 * MIB;
    private static final String RESUME_LINE = "medfetch: interrupted; 1 file(s) paused, 'medfetch run' resumes them";

    @TempDir
    Path tmp;

    private Path ws() {
        return tmp.resolve("ws");
    }

    private Path db() {
        return ws().resolve("downloads/.medfetch/state.db");
    }

    /** Starts a get whose output goes to logs/NAME, and waits until it has recorded progress. */
    private Process downloading(RangeFileServer server, String name) throws Exception {
        Path logs = tmp.resolve("logs").resolve(name);
        Process child = MedfetchProcess.start(logs, Map.of(), "--workspace", ws().toString(), "get",
                server.url("scan.bin"), "--no-progress", "--connections", "2", "--checkpoint-every", "1M");
        long start = recorded();
        while (recorded() <= start && child.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the download ended before it could be interrupted: " + err(name));
        return child;
    }

    private long recorded() {
        if (!Files.exists(db())) {
            return 0;
        }
        try (Store store = Store.open(db(), Clock.systemUTC())) {
            return store.fileByPath("downloads/scan/scan.bin").map(f -> store.bytesDone(f.id())).orElse(0L);
        } catch (RuntimeException busy) {
            return 0;
        }
    }

    private String err(String name) throws Exception {
        Path err = tmp.resolve("logs").resolve(name).resolve("err.txt");
        return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    }

    private static void signal(Process child, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor());
    }

    @Test
    void everyInterruptPausesSaysHowToResumeAndExits3() throws Exception {
        Path payload = Payloads.random(tmp.resolve("www/scan.bin"), SIZE, 5);
        try (RangeFileServer server = new RangeFileServer(tmp.resolve("www"), 4 * MIB)) {
            for (int i = 0; i < 6; i++) {
                String signal = i % 2 == 0 ? "INT" : "TERM";
                String name = "interrupt-" + i;
                Process child = downloading(server, name);
                signal(child, signal);
                assertTrue(child.waitFor(1, TimeUnit.MINUTES), "SIG" + signal + " did not stop the download");
                assertEquals(3, child.exitValue(), "SIG" + signal + ", run " + i + ": " + err(name));
                assertTrue(err(name).contains(RESUME_LINE), "SIG" + signal + ", run " + i + ": " + err(name));
                try (Store store = Store.open(db(), Clock.systemUTC())) {
                    FileRecord f = store.fileByPath("downloads/scan/scan.bin").orElseThrow();
                    assertEquals(FileState.PAUSED, f.state());
                    assertEquals("interrupted", f.pauseReason());
                }
            }
            MedfetchProcess.Result finish = MedfetchProcess.run(tmp.resolve("logs/finish"), Map.of(), "--workspace",
                    ws().toString(), "run", "--no-progress");
            assertEquals(0, finish.exitCode(), finish.err());
            assertEquals(Payloads.sha256(payload), Payloads.sha256(ws().resolve("downloads/scan/scan.bin")));
        }
    }

    @Test
    void aSecondCtrlCQuitsAtOnceWith130AndLosesNothingRecorded() throws Exception {
        Path payload = Payloads.random(tmp.resolve("www/scan.bin"), SIZE, 6);
        try (RangeFileServer server = new RangeFileServer(tmp.resolve("www"), 4 * MIB)) {
            Process child = downloading(server, "twice");
            // Holding the database's write lock keeps the clean stop from finishing (it must record the pause),
            // so the second Ctrl-C surely arrives while the first is being handled.
            try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + db());
                 Statement s = lock.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                signal(child, "INT");
                while (!err("twice").contains("press Ctrl-C again to quit at once") && child.isAlive()) {
                    Thread.sleep(20);
                }
                signal(child, "INT");
                assertTrue(child.waitFor(1, TimeUnit.MINUTES));
                assertEquals(130, child.exitValue(), err("twice"));
                s.execute("ROLLBACK");
            }
            MedfetchProcess.Result finish = MedfetchProcess.run(tmp.resolve("logs/finish"), Map.of(), "--workspace",
                    ws().toString(), "run", "--no-progress");
            assertEquals(0, finish.exitCode(), finish.err());
            assertEquals(Payloads.sha256(payload), Payloads.sha256(ws().resolve("downloads/scan/scan.bin")));
        }
    }
}
