package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished file that changed on disk is found by run, sync and verify, and repaired by verify --repair. */
class RepairTest {

    private static final String BODY = "a volume of sixty-four bytes, more or less, for the repair test.";

    @TempDir
    Path ws;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                        .body(new okio.Buffer().write(BODY.getBytes(StandardCharsets.UTF_8))).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun medfetch(String... args) {
        return CliRun.in(ws, args);
    }

    private Path file() {
        return ws.resolve("downloads/scan/scan.bin");
    }

    @Test
    void runFindsAFileOfAnotherSizeAndNamesTheFix() throws Exception {
        assertEquals(0, medfetch("get", server.url("/scan.bin").toString(), "--no-progress").exitCode());
        Files.writeString(file(), "cut");
        CliRun run = medfetch("run", "--no-progress");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("medfetch: downloads/scan/scan.bin: mismatch (size is 3 bytes, " + BODY.length()
                + " when it was verified); 'medfetch verify --repair scan' moves it aside and queues it again"), run.err());
    }

    @Test
    void aSameSizeCorruptionIsFoundWithVerifyAndRepairedByVerifyRepair() throws Exception {
        assertEquals(0, medfetch("get", server.url("/scan.bin").toString(), "--no-progress").exitCode());
        Files.writeString(file(), BODY.replace('a', 'b'));
        assertEquals(0, medfetch("run", "--no-progress").exitCode(), "a size check cannot see it");
        CliRun verifying = medfetch("run", "--verify", "--no-progress");
        assertEquals(1, verifying.exitCode(), verifying.err());
        assertTrue(verifying.err().contains("sha256 is"), verifying.err());
        CliRun verify = medfetch("verify");
        assertEquals(1, verify.exitCode());
        assertTrue(verify.out().contains("; 'medfetch verify --repair scan' moves it aside"), verify.out());
        CliRun repair = medfetch("verify", "--repair");
        assertEquals(3, repair.exitCode(), repair.out());
        assertTrue(repair.out().contains("moved aside to downloads/scan/scan.bin.mismatch-"), repair.out());
        assertTrue(repair.out().contains("queued again: 'medfetch run scan' fetches it"), repair.out());
        try (Stream<Path> files = Files.list(file().getParent())) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.matches("scan\\.bin\\.mismatch-\\d{8}T\\d{6}Z")), names.toString());
        }
        assertEquals(0, medfetch("run", "--no-progress").exitCode());
        assertEquals(BODY, Files.readString(file()));
        assertEquals(0, medfetch("verify").exitCode());
    }

    @Test
    void syncNoLongerPassesOverACorruptedFile() throws Exception {
        assertEquals(0, medfetch("get", server.url("/scan.bin").toString(), "--no-progress").exitCode());
        assertEquals(0, medfetch("manifest").exitCode());
        Files.writeString(file(), "cut");
        CliRun sync = medfetch("sync", ws.resolve("manifests/default.json").toString(), "--no-progress");
        assertEquals(1, sync.exitCode(), sync.out() + sync.err());
        assertTrue(sync.err().contains("'medfetch verify --repair scan'"), sync.err());
    }

    @Test
    void aMissingFileIsQueuedAgain() throws Exception {
        assertEquals(0, medfetch("get", server.url("/scan.bin").toString(), "--no-progress").exitCode());
        Files.delete(file());
        CliRun repair = medfetch("verify", "--repair", "scan");
        assertEquals(3, repair.exitCode(), repair.out());
        assertTrue(repair.out().startsWith("missing  downloads/scan/scan.bin  (the file is gone): queued again"),
                repair.out());
        assertEquals(0, medfetch("run", "--no-progress").exitCode());
        assertTrue(Files.exists(file()));
    }

    @Test
    void anAdoptedFileGetsTheStepsToFetchItByHandAgain() throws Exception {
        Path mine = Files.writeString(ws.resolve("Task06_Lung.tar"), "by hand");
        assertEquals(0, medfetch("adopt", "lits", mine.toString()).exitCode());
        Files.writeString(ws.resolve("downloads/lits/Task06_Lung.tar"), "changed by hand");
        CliRun verify = medfetch("verify");
        assertTrue(verify.out().contains("gives the steps to fetch it by hand again"), verify.out());
        CliRun repair = medfetch("verify", "--repair");
        assertEquals(5, repair.exitCode(), repair.out());
        assertTrue(repair.out().contains("it was adopted, so a person must fetch it again"), repair.out());
        assertTrue(repair.out().contains("BaiduPCS-Go"), "the dataset's own steps: " + repair.out());
        assertTrue(repair.out().contains("medfetch adopt lits PATH"), repair.out());
        assertFalse(Files.exists(ws.resolve("downloads/lits/Task06_Lung.tar")), "moved aside, never overwritten");
        CliRun status = medfetch("status", "--files");
        assertTrue(status.out().contains("manual  downloads/lits/Task06_Lung.tar"), status.out());
    }
}
