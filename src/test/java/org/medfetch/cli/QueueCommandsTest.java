package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.Store;

/** add, status, pause, resume, cancel, retry and verify through the real wiring, without downloading. */
class QueueCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path ws;

    private CliRun medfetch(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = ws.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(all);
    }

    private Store store() {
        return Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC());
    }

    @Test
    void readOnlyCommandsCreateNoDatabase() {
        medfetch("catalog");
        medfetch("lint");
        assertFalse(Files.exists(ws.resolve("downloads/.medfetch")));
    }

    @Test
    void addingAManualDatasetRecordsItsInstructionsAndExits5() {
        CliRun run = medfetch("add", "lits", "--project", "lungs");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.out().contains("lits: manual steps needed (recorded)"), run.out());
        assertTrue(run.out().contains("extraction code (提取码): 6666"), run.out());
        try (Store store = store()) {
            Job job = store.jobByDataset("lits").orElseThrow();
            assertEquals("manual", job.state().label());
            assertEquals(List.of("lungs"), job.projects());
            assertTrue(job.instructions().contains("BaiduPCS-Go"));
        }
        CliRun status = medfetch("status", "--json");
        assertEquals(0, status.exitCode());
        assertTrue(status.out().contains("\"state\":\"manual\""), status.out());
    }

    @Test
    void aMirroredDatasetIsQueuedFromItsMirrorWithPublishedChecksums() {
        CliRun run = medfetch("add", "msd-lung");
        assertEquals(0, run.exitCode(), run.err());
        try (Store store = store()) {
            Job job = store.jobByDataset("msd-lung").orElseThrow();
            assertEquals("mirror", job.source());
            FileRecord tar = store.files(job.id()).get(0);
            assertEquals("downloads/msd-lung/Task06_Lung.tar", tar.path());
            assertEquals("md5:8afd997733c7fc0432f71255ba4e52dc sha256:f782cd09da9cf7a3128475d4a53650d371db10f0427aa76e166fccfcb2654161",
                    tar.checksums());
        }
        CliRun plain = medfetch("add", "--no-mirrors", "msd-liver");
        assertEquals(5, plain.exitCode(), "without mirrors the Baidu share needs a person");
    }

    @Test
    void dryRunPlansWithoutQueueing() {
        CliRun run = medfetch("add", "--dry-run", "http://127.0.0.1:9/data/Task09_Spleen.tar");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Task09_Spleen: would queue 1 file"), run.out());
        assertTrue(run.out().contains("downloads/Task09_Spleen/Task09_Spleen.tar"), run.out());
        assertFalse(Files.exists(ws.resolve("downloads/.medfetch/state.db")) && hasJobs());
    }

    private boolean hasJobs() {
        try (Store store = store()) {
            return !store.jobs(null).isEmpty();
        }
    }

    @Test
    void urlsMagnetsAndInputFilesAreQueuedUnderTheirIds() throws Exception {
        Path input = ws.resolve("targets.txt");
        // A link without a file extension is probed: this server answers with a file, not a page.
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                    .build());
            server.start();
            Files.writeString(input, """
                    # datasets for the thesis
                    http://127.0.0.1:9/files/scan.nii.gz
                    magnet:?xt=urn:btih:47e9d8aab761e75fd0a81982fa62bddf3a173831&dn=CQ500   # the torrent

                    """ + server.url("/download?id=7") + "\n");
            CliRun run = medfetch("add", "-i", input.toString(), "-p", "thesis");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("HEAD", server.takeRequest().getMethod());
        }
        CliRun run = medfetch("add", "-i", input.toString(), "-p", "thesis");
        assertEquals(0, run.exitCode(), run.err());
        try (Store store = store()) {
            assertEquals(List.of("scan", "CQ500", "download"), store.jobs("thesis").stream().map(Job::datasetId).toList());
            FileRecord scan = store.files(store.jobByDataset("scan").orElseThrow().id()).get(0);
            assertEquals("downloads/scan/scan.nii.gz", scan.path());
            assertFalse(scan.serverNamed());
            FileRecord torrent = store.files(store.jobByDataset("CQ500").orElseThrow().id()).get(0);
            assertEquals("torrent", torrent.kind());
            FileRecord guessed = store.files(store.jobByDataset("download").orElseThrow().id()).get(0);
            assertTrue(guessed.serverNamed(), "a URL without a file name lets the server name the file");
        }
        assertEquals(0, medfetch("add", "http://127.0.0.1:9/files/scan.nii.gz").exitCode(), "adding again is harmless");
    }

    @Test
    void checksumOptionIsStoredAndValidated() {
        String sha = "a".repeat(64);
        assertEquals(0, medfetch("add", "http://127.0.0.1:9/a.zip", "--checksum", "sha256:" + sha).exitCode());
        try (Store store = store()) {
            assertEquals("sha256:" + sha, store.files(store.jobByDataset("a").orElseThrow().id()).get(0).checksums());
        }
        CliRun bad = medfetch("add", "http://127.0.0.1:9/b.zip", "--checksum", "sha256:xyz");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("a sha256 checksum is 64 hex digits"), bad.err());
        assertEquals(2, medfetch("add", "http://127.0.0.1:9/b.zip", "http://127.0.0.1:9/c.zip", "--checksum",
                "md5:" + "b".repeat(32)).exitCode());
    }

    @Test
    void badInputGetsOneLineAndANonZeroCode() {
        CliRun magnet = medfetch("add", "magnet:?xt=urn:btih:1234");
        assertEquals(2, magnet.exitCode());
        assertEquals("medfetch: bad magnet link: info-hash '1234' is neither 40 hex digits nor 32 base32 characters",
                magnet.err().strip());
        CliRun unknown = medfetch("add", "no-such-dataset");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("medfetch: no dataset 'no-such-dataset'"), unknown.err());
        CliRun unavailable = medfetch("add", "mura");
        assertEquals(4, unavailable.exitCode());
        assertTrue(unavailable.err().contains("mura is unavailable: the tracker link"), unavailable.err());
        CliRun nothing = medfetch("add");
        assertEquals(2, nothing.exitCode());
        assertEquals(2, medfetch("add", "-i", ws.resolve("missing.txt").toString()).exitCode());
        assertEquals(2, medfetch("run", "--connections", "0").exitCode());
        assertEquals(2, medfetch("run", "--max-rate", "fast").exitCode());
        for (CliRun r : List.of(magnet, unknown, unavailable, nothing)) {
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void pauseResumeCancelAndRetryChangeFileStates() {
        assertEquals(0, medfetch("add", "http://127.0.0.1:9/a.zip").exitCode());
        assertEquals(0, medfetch("pause", "a").exitCode());
        assertEquals(FileState.PAUSED, state("a"));
        CliRun run = medfetch("run", "--no-progress");
        assertEquals(0, run.exitCode(), "a user's pause is not a failure: " + run.err());
        assertEquals(FileState.PAUSED, state("a"), "run leaves a user's pause alone");
        assertEquals(0, medfetch("resume", "a").exitCode());
        assertEquals(FileState.QUEUED, state("a"));
        assertEquals(0, medfetch("cancel", "a").exitCode());
        assertEquals(FileState.CANCELLED, state("a"));
        assertEquals(0, medfetch("retry", "a").exitCode());
        assertEquals(FileState.QUEUED, state("a"));
        assertEquals(2, medfetch("pause", "kits19").exitCode(), "a catalog dataset that is not queued");
    }

    @Test
    void cancelPurgeDeletesPartialDataOnly() throws Exception {
        medfetch("add", "http://127.0.0.1:9/a.zip", "http://127.0.0.1:9/b.zip");
        Path part = ws.resolve("downloads/a/a.zip.part");
        Files.createDirectories(part.getParent());
        Files.writeString(part, "partial");
        assertEquals(0, medfetch("cancel", "a", "--purge").exitCode());
        assertFalse(Files.exists(part));
    }

    @Test
    void verifyReportsOkMismatchAndMissing() throws Exception {
        medfetch("add", "http://127.0.0.1:9/a.bin", "http://127.0.0.1:9/b.bin", "http://127.0.0.1:9/c.bin");
        byte[] content = "hello".getBytes();
        String sha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
        try (Store store = store()) {
            for (String id : List.of("a", "b", "c")) {
                FileRecord f = store.files(store.jobByDataset(id).orElseThrow().id()).get(0);
                store.finish(f.id(), sha, content.length);
            }
        }
        Files.createDirectories(ws.resolve("downloads/a"));
        Files.write(ws.resolve("downloads/a/a.bin"), content);
        Files.createDirectories(ws.resolve("downloads/b"));
        Files.write(ws.resolve("downloads/b/b.bin"), "hellO".getBytes());
        CliRun all = medfetch("verify");
        assertEquals(1, all.exitCode(), all.out());
        assertTrue(all.out().contains("ok  downloads/a/a.bin"), all.out());
        assertTrue(all.out().contains("mismatch  downloads/b/b.bin  (sha256 is "), all.out());
        assertTrue(all.out().contains("missing  downloads/c/c.bin"), all.out());
        assertEquals(0, medfetch("verify", "a").exitCode());
    }

    @Test
    void statusJsonDescribesJobsAndFiles() throws Exception {
        medfetch("add", "http://127.0.0.1:9/a.zip", "-p", "p1");
        CliRun run = medfetch("status", "--json", "-p", "p1");
        JsonNode job = JSON.readTree(run.lines().get(0));
        assertEquals("a", job.get("dataset").asText());
        assertEquals("queued", job.get("state").asText());
        assertEquals(1, job.get("files_total").asInt());
        assertTrue(job.get("bytes_total").isNull());
        assertEquals("downloads/a/a.zip", job.get("files").get(0).get("path").asText());
        assertEquals(0, medfetch("status", "-p", "nobody", "--json").lines().size());
    }

    private FileState state(String dataset) {
        try (Store store = store()) {
            return store.files(store.jobByDataset(dataset).orElseThrow().id()).get(0).state();
        }
    }
}
