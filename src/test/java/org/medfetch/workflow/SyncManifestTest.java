package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medfetch.workflow.ManifestWorkspaces.SCAN;
import static org.medfetch.workflow.ManifestWorkspaces.SPLEEN;
import static org.medfetch.workflow.ManifestWorkspaces.bytes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.manifest.ManifestSchema;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.JobState;

/** sync on a fresh workspace: the same files as recorded, nothing fetched twice, no changed file accepted. */
class SyncManifestTest {

    @TempDir
    Path tmp;

    private ManifestWorkspaces workspaces;
    private Path written;

    @BeforeEach
    void writeTheManifest() throws Exception {
        workspaces = new ManifestWorkspaces(tmp);
        written = workspaces.writer();
        ManifestSchema.assertValid(Files.readString(written));
    }

    @Test
    void aFreshWorkspaceGetsTheSameFilesAndManualOnesAreListed() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        Path b = manifest.getParent().getParent();
        SyncManifest.Result result = workspaces.sync(manifest);
        assertEquals(Outcome.MANUAL, result.outcome(), result.problems().toString());
        assertEquals(List.of("lits"), result.manual().stream().map(d -> d.id()).toList());
        assertEquals("spleen volumes", Files.readString(b.resolve("downloads/Task09_Spleen/Task09_Spleen.tar")));
        assertEquals("scan", Files.readString(b.resolve("downloads/zeta/scan.nii.gz")));
        try (Workspace ws = workspaces.open(b)) {
            assertEquals(List.of("thesis"), ws.store().jobByDataset("zeta").orElseThrow().projects());
            assertEquals("zenodo", ws.store().fileByPath("downloads/zeta/scan.nii.gz").orElseThrow().auth());
        }
        // A person copies the adopted file over; the next sync records it and the project is complete.
        Files.createDirectories(b.resolve("downloads/lits"));
        Files.copy(tmp.resolve("a/downloads/lits/Task06_Lung.tar"), b.resolve("downloads/lits/Task06_Lung.tar"));
        SyncManifest.Result again = workspaces.sync(manifest);
        assertEquals(Outcome.SUCCESS, again.outcome(), again.problems().toString());
        assertTrue(again.manual().isEmpty());
        VerifyManifest.Report report = new VerifyManifest(b).verify(manifest, null);
        assertEquals(3, report.checked().size(), report.toString());
        assertTrue(report.checked().stream().allMatch(c -> c.verdict() == VerifyFiles.Verdict.OK), report.toString());
        try (Workspace ws = workspaces.open(b)) {
            assertEquals(JobState.ACTIVE, ws.store().jobByDataset("lits").orElseThrow().state());
        }
    }

    @Test
    void filesAlreadyPresentWithTheRecordedHashAreNotFetchedAgain() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        Path b = manifest.getParent().getParent();
        Files.createDirectories(b.resolve("downloads/zeta"));
        Files.writeString(b.resolve("downloads/zeta/scan.nii.gz"), "scan");
        int before = workspaces.http.fetches(SCAN);
        SyncManifest.Result first = workspaces.sync(manifest);
        assertEquals(before, workspaces.http.fetches(SCAN), "a file on disk with the recorded SHA-256 is kept");
        assertEquals(1, first.queued().stream().filter(q -> q.datasetId().equals("zeta")).findFirst().orElseThrow().present());
        int spleen = workspaces.http.fetches(SPLEEN);
        workspaces.sync(manifest);
        assertEquals(spleen, workspaces.http.fetches(SPLEEN), "a second sync fetches nothing");
    }

    @Test
    void aRemoteFileThatChangedIsAClearFailureNotAcceptedSilently() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        Path b = manifest.getParent().getParent();
        workspaces.http.bodies.put(SPLEEN, bytes("spleen volumeZ"));
        SyncManifest.Result result = workspaces.sync(manifest);
        assertEquals(Outcome.FATAL, result.outcome());
        SyncManifest.Problem problem = result.problems().stream()
                .filter(p -> p.path().equals("downloads/Task09_Spleen/Task09_Spleen.tar")).findFirst().orElseThrow();
        assertTrue(problem.message().startsWith("the remote file changed since the manifest was written: "), problem.message());
        assertFalse(Files.exists(b.resolve("downloads/Task09_Spleen/Task09_Spleen.tar")), "never under its final name");
        try (Workspace ws = workspaces.open(b)) {
            FileRecord f = ws.store().fileByPath("downloads/Task09_Spleen/Task09_Spleen.tar").orElseThrow();
            assertEquals(FileState.FAILED, f.state());
            assertTrue(f.lastError().startsWith("the remote file changed"), f.lastError());
        }
    }

    @Test
    void aRemoteFileOfAnotherSizeIsAChangedRemoteToo() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        workspaces.http.bodies.put(SCAN, bytes("scan, revised"));
        SyncManifest.Result result = workspaces.sync(manifest);
        assertEquals(Outcome.FATAL, result.outcome());
        assertTrue(result.problems().stream().anyMatch(p -> p.path().equals("downloads/zeta/scan.nii.gz")
                && p.message().startsWith("the remote file changed")), result.problems().toString());
    }

    @Test
    void aDifferentLocalFileIsLeftAloneAndReported() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        Path local = manifest.getParent().getParent().resolve("downloads/zeta/scan.nii.gz");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "mine");
        SyncManifest.Result result = workspaces.sync(manifest);
        assertEquals(Outcome.FATAL, result.outcome());
        assertEquals("mine", Files.readString(local), "never overwritten");
        assertTrue(result.problems().stream().anyMatch(p -> p.path().equals("downloads/zeta/scan.nii.gz")
                && p.message().contains("move the file away")), result.problems().toString());
        assertEquals(0, workspaces.http.fetches(SCAN) - 1, "only workspace a fetched it");
    }

    @Test
    void aMalformedManifestChangesNothing() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        Path b = manifest.getParent().getParent();
        Files.writeString(manifest, Files.readString(manifest).replace("\"kind\": \"http\"", "\"kind\": \"gopher\""));
        UsageException e = assertThrows(UsageException.class, () -> workspaces.sync(manifest));
        assertTrue(e.getMessage().startsWith("manifest " + manifest + ": datasets["), e.getMessage());
        assertTrue(e.getMessage().contains("'gopher' is not http, torrent or adopted"), e.getMessage());
        assertFalse(Files.exists(b.resolve("downloads")), "not even the state database is created");
        // In a workspace that has data, nothing is touched either.
        Path a = written.getParent().getParent();
        assertThrows(UsageException.class, () -> {
            try (Workspace ws = workspaces.open(a)) {
                new SyncManifest(ws).sync(manifest, null, ManifestWorkspaces.OPTIONS, org.medfetch.engine.Progress.NONE,
                        new org.medfetch.engine.StopSignal());
            }
        });
        assertEquals("spleen volumes", Files.readString(a.resolve("downloads/Task09_Spleen/Task09_Spleen.tar")));
    }

    @Test
    void aPathOwnedByAnotherDatasetIsRefusedBeforeAnythingIsQueued() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        Path b = manifest.getParent().getParent();
        try (Workspace ws = workspaces.open(b)) {
            new AddTargets(ws).add(new AddRequest(List.of(ManifestWorkspaces.BASE + "other/scan.nii.gz"), "x", null, null,
                    false, org.medfetch.resolve.TorrentOptions.DEFAULTS));
            var job = ws.store().jobByDataset("scan").orElseThrow();
            FileRecord f = ws.store().files(job.id()).get(0);
            ws.store().setPath(f.id(), "downloads/zeta/scan.nii.gz");
        }
        UsageException e = assertThrows(UsageException.class, () -> workspaces.sync(manifest));
        assertTrue(e.getMessage().contains("downloads/zeta/scan.nii.gz belongs to dataset 'scan' in this workspace"),
                e.getMessage());
        try (Workspace ws = workspaces.open(b)) {
            assertTrue(ws.store().jobByDataset("zeta").isEmpty(), "nothing was queued");
        }
    }

    @Test
    void aUrlThatLostItsSecretsSaysHowToGoOn() throws Exception {
        Path manifest = workspaces.fresh("b", written);
        Files.writeString(manifest, Files.readString(manifest).replace(SPLEEN + "\"", SPLEEN + "?token=REDACTED\""));
        SyncManifest.Result result = workspaces.sync(manifest);
        assertEquals(Outcome.FATAL, result.outcome());
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("had its secrets removed")
                && p.message().contains("medfetch add URL --checksum sha256:")), result.problems().toString());
    }
}
