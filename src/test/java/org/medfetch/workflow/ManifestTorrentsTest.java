package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.JobOptions;
import org.medfetch.manifest.Manifest;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;

/** Torrents of a manifest are queued by their magnet or .torrent file, with the file selection they had. */
class ManifestTorrentsTest {

    private static final String HASH = "c".repeat(40);

    @TempDir
    Path tmp;

    private static Manifest.Dataset dataset(String id, String url, String infoHash, String selection) {
        return new Manifest.Dataset(id, id, null, url, "torrent-file", "torrent", new Manifest.SourceRef("url", url), null,
                null, null, null, "done", selection, null,
                List.of(new Manifest.Torrent(url, infoHash, "downloads/" + id + "/" + id, "done")),
                List.of(new Manifest.FileEntry("downloads/" + id + "/" + id + "/a.dcm", "torrent", url, 3L, "a".repeat(64),
                        List.of(), null, "done")));
    }

    @Test
    void aTorrentFileIsFoundBesideTheManifestElseItsInfoHashIsUsed() throws Exception {
        Path manifestDir = tmp.resolve("shared");
        Files.createDirectories(manifestDir);
        Files.write(manifestDir.resolve("cq500.torrent"), new byte[] {'d', 'e'});
        ManifestWorkspaces workspaces = new ManifestWorkspaces(tmp);
        try (Workspace ws = workspaces.open(tmp.resolve("ws"))) {
            ManifestQueue queue = new ManifestQueue(ws, manifestDir);
            ManifestQueue.Queued found = queue.queue(dataset("cq500", "torrents/cq500.torrent", HASH, "*.dcm"), "p");
            ManifestQueue.Queued byHash = queue.queue(dataset("other", "other.torrent", HASH, null), "p");
            ManifestQueue.Queued lost = queue.queue(dataset("lost", "lost.torrent", null, null), "p");
            assertEquals(1, found.toFetch());
            FileRecord torrent = torrent(ws, found.job());
            assertEquals(manifestDir.resolve("cq500.torrent").toString(), torrent.url());
            assertEquals("*.dcm", JobOptions.fromJson(found.job().options()).torrent().files(), "the same selection");
            assertEquals("magnet:?xt=urn:btih:" + HASH, torrent(ws, byHash.job()).url());
            FileRecord missing = torrent(ws, lost.job());
            assertEquals(FileState.FAILED, missing.state());
            assertTrue(missing.lastError().contains("'lost.torrent' is neither in the workspace nor beside the manifest"),
                    missing.lastError());
            assertEquals(1, lost.problems().size());
        }
    }

    private static FileRecord torrent(Workspace ws, Job job) {
        return ws.store().files(job.id()).stream().filter(FileRecord::isTorrent).findFirst().orElseThrow();
    }
}
