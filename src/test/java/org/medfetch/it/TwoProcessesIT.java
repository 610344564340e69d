package org.medfetch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two medfetch processes running one workspace's queue share the work and never fetch a file twice. */
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
}
