package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.it.Payloads;
import org.medfetch.it.RangeFileServer;
import org.medfetch.manifest.ManifestSchema;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/**
 * The whole workflow through the real wiring and the real HTTP engine against a file server on
 * 127.0.0.1: a project with an HTTP dataset, an API dataset (queued as an API resolver queues it) and a
 * manual one is written to a manifest, the downloads are wiped, and a fresh workspace syncs and verifies
 * the same files.
 */
class ManifestRoundTripTest {

    @TempDir
    Path tmp;

    private RangeFileServer server;
    private Path served;
    private Path catalog;
    private Path manualFile;

    @BeforeEach
    void serveFilesAndWriteTheCatalog() throws Exception {
        served = tmp.resolve("served");
        Payloads.random(served.resolve("spleen/Task09_Spleen.tar"), 300_000, 1);
        Payloads.random(served.resolve("api/records/7/scan.nii.gz"), 70_000, 2);
        server = new RangeFileServer(served, 0);
        catalog = tmp.resolve("catalog.md");
        Files.writeString(catalog, """
                ## CT

                | Dataset | Task | Link |
                | --- | --- | --- |
                | Spleen Demo | segmentation | [link](%s) |
                | Lung Manual | segmentation | [link](https://pan.baidu.com/s/1AbCdEfGh?pwd=1234) |
                """.formatted(server.url("spleen/Task09_Spleen.tar")));
        manualFile = tmp.resolve("from-baidu/lung.tar");
        Files.createDirectories(manualFile.getParent());
        Files.writeString(manualFile, "lung volumes");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CliRun medfetch(Path ws, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--catalog";
        all[1] = catalog.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.in(ws, all);
    }

    /** Workspace a fetches and adopts everything of project thesis and writes its manifest. */
    private Path writeManifest() throws Exception {
        Path a = tmp.resolve("a");
        CliRun get = medfetch(a, "get", "-p", "thesis", "spleen-demo", "--no-progress");
        assertEquals(0, get.exitCode(), get.err());
        try (Store store = Store.open(a.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            Job zeta = store.addJob(new NewJob("zeta", "Zeta CT", "zeta", "https://zenodo.org/records/7", "zenodo", "api",
                    "catalog", "https://zenodo.org/records/7", JobState.ACTIVE, null, null,
                    "{\"doi\":\"10.5281/zenodo.7\",\"license\":\"CC-BY-4.0\",\"citation\":\"Doe (2024). Zeta CT.\"}"), "thesis");
            store.addFile(zeta.id(), new NewFile("http", server.url("api/records/7/scan.nii.gz"), "downloads/zeta/scan.nii.gz",
                    70_000L, null, null, null));
        }
        assertEquals(0, medfetch(a, "run", "--no-progress").exitCode());
        assertEquals(5, medfetch(a, "add", "-p", "thesis", "lung-manual").exitCode());
        assertEquals(0, medfetch(a, "adopt", "lung-manual", manualFile.toString()).exitCode());
        CliRun manifest = medfetch(a, "manifest", "-p", "thesis");
        assertEquals(0, manifest.exitCode(), manifest.err());
        assertEquals("", manifest.err(), "every file is done, no secret was removed");
        Path json = a.resolve("manifests/thesis.json");
        String text = Files.readString(json);
        ManifestSchema.assertValid(text);
        assertTrue(text.contains("\"origin\": \"catalog.md\""), "a catalog outside the workspace is named, not located");
        assertTrue(text.contains("\"doi\": \"10.5281/zenodo.7\""), text);
        assertFalse(text.contains(tmp.toString()), text);
        return json;
    }

    private static void wipe(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aManifestReproducesAndVerifiesTheSameFilesInAFreshWorkspace() throws Exception {
        Path json = writeManifest();
        String spleenSha = Payloads.sha256(served.resolve("spleen/Task09_Spleen.tar"));
        wipe(tmp.resolve("a/downloads"));
        Path b = tmp.resolve("b");
        Path manifest = b.resolve("manifests/thesis.json");
        Files.createDirectories(manifest.getParent());
        Files.copy(json, manifest);
        CliRun sync = CliRun.in(b, "sync", manifest.toString(), "--no-progress");
        assertEquals(5, sync.exitCode(), "the manual dataset is left: " + sync.out() + sync.err());
        assertTrue(sync.out().contains("spleen-demo: 1 to fetch, 0 already here"), sync.out());
        assertTrue(sync.out().contains("2 file(s) done, 0 failed, 0 to retry"), sync.out());
        assertTrue(sync.out().contains("lung-manual: manual steps needed"), sync.out());
        assertTrue(sync.out().contains("The manifest expects: downloads/lung-manual/lung.tar"), sync.out());
        assertEquals(spleenSha, Payloads.sha256(b.resolve("downloads/spleen-demo/Task09_Spleen.tar")));
        assertEquals(0, CliRun.in(b, "adopt", "lung-manual", manualFile.toString()).exitCode());
        CliRun verify = CliRun.in(b, "verify", "--manifest", manifest.toString());
        assertEquals(0, verify.exitCode(), verify.out());
        assertTrue(verify.out().endsWith("3 file(s) checked, 0 problem(s)\n"), verify.out());
        long requests = server.requests("spleen/Task09_Spleen.tar");
        CliRun again = CliRun.in(b, "sync", manifest.toString(), "--no-progress");
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertEquals(requests, server.requests("spleen/Task09_Spleen.tar"), "nothing is fetched twice");
        Files.write(b.resolve("downloads/zeta/scan.nii.gz"), new byte[] {1, 2, 3});
        CliRun tampered = CliRun.in(b, "verify", "--manifest", manifest.toString());
        assertEquals(1, tampered.exitCode());
        assertTrue(tampered.out().contains("mismatch  downloads/zeta/scan.nii.gz  (size is 3 bytes, the manifest says 70000)"),
                tampered.out());
    }

    @Test
    void aRemoteFileThatChangedSinceTheManifestFailsClearly() throws Exception {
        Path json = writeManifest();
        Path spleen = served.resolve("spleen/Task09_Spleen.tar");
        Payloads.random(spleen, 300_000, 99);
        Path c = tmp.resolve("c");
        CliRun sync = CliRun.in(c, "sync", json.toString(), "--no-progress");
        assertEquals(4, sync.exitCode(), sync.out() + sync.err());
        assertTrue(sync.out().contains("1 file(s) done, 1 failed, 0 to retry"), sync.out());
        assertEquals(1, sync.err().lines().count(), "one line, the clear one: " + sync.err());
        assertTrue(sync.err().contains("medfetch: downloads/spleen-demo/Task09_Spleen.tar: the remote file changed since the "
                + "manifest was written"), sync.err());
        assertFalse(Files.exists(c.resolve("downloads/spleen-demo/Task09_Spleen.tar")), "never accepted under its name");
        CliRun status = CliRun.in(c, "status", "--json");
        assertTrue(status.out().contains("the remote file changed"), status.out());
    }
}
