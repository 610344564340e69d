package org.medfetch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two medfetch processes on one workspace share the work and never fetch a file twice; a get of a file that
 * another process is downloading waits for it.
 */
class TwoProcessesIT {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void twoRunsSplitTheQueue() throws Exception {
        Path ws = tmp.resolve("ws");
        List<String> expected = new ArrayList<>();
        try (RangeFileServer server = new RangeFileServer(tmp.resolve("www"), 4 * MIB)) {
            List<String> add = new ArrayList<>(List.of("--workspace", ws.toString(), "add"));
            for (int i = 0; i < 6; i++) {
                expected.add(Payloads.sha256(Payloads.random(tmp.resolve("www/f" + i + ".bin"), 4 * MIB, i)));
                add.add(server.url("f" + i + ".bin"));
            }
            assertEquals(0, MedfetchProcess.run(tmp.resolve("logs"), Map.of(), add.toArray(String[]::new)).exitCode());
            String[] run = {"--workspace", ws.toString(), "run", "--no-progress", "--parallel", "2", "--connections", "1"};
            Process a = MedfetchProcess.start(tmp.resolve("logs"), Map.of(), run);
            Process b = MedfetchProcess.start(tmp.resolve("logs"), Map.of(), run);
            assertTrue(a.waitFor(2, TimeUnit.MINUTES) && b.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, a.exitValue());
            assertEquals(0, b.exitValue());
            for (int i = 0; i < 6; i++) {
                String name = "f" + i + ".bin";
                assertEquals(expected.get(i), Payloads.sha256(ws.resolve("downloads/f" + i + "/" + name)), name);
                assertEquals(4 * MIB, server.bytesSent(name), name + " was fetched exactly once");
            }
        }
    }

    @Test
    void aSecondGetOfAFileBeingDownloadedEndsOnlyOnceTheFileExists() throws Exception {
        Path ws = tmp.resolve("ws");
        String sha = Payloads.sha256(Payloads.random(tmp.resolve("www/big.bin"), 16 * MIB, 9));
        try (RangeFileServer server = new RangeFileServer(tmp.resolve("www"), 2 * MIB)) {
            String[] get = {"--workspace", ws.toString(), "get", server.url("big.bin"), "--no-progress",
                "--connections", "1"};
            Process first = MedfetchProcess.start(tmp.resolve("logs"), Map.of(), get);
            while (server.bytesSent("big.bin") == 0 && first.isAlive()) {
                Thread.sleep(20);
            }
            MedfetchProcess.Result second = MedfetchProcess.run(tmp.resolve("logs"), Map.of(), get);
            Path file = ws.resolve("downloads/big/big.bin");
            boolean existed = Files.exists(file);

            assertEquals(0, second.exitCode(), second.err());
            assertTrue(existed, "the second get reported success before the file existed");
            assertEquals(sha + "  downloads/big/big.bin", second.out().strip());
            assertTrue(first.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, first.exitValue());
            assertEquals(sha, Payloads.sha256(file));
            assertEquals(16 * MIB, server.bytesSent("big.bin"), "fetched once");
        }
    }
}
