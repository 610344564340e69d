package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.TorrentSources;
import org.medfetch.engine.TransferException;
import org.medfetch.it.RangeFileServer;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;

/**
 * Web seeds (BEP 19) served by a real HTTP server on 127.0.0.1, alone and beside a real bt peer: pieces
 * are checked before they are written, a seed sending wrong bytes is dropped, and peers and seeds fill
 * one download.
 */
class WebSeedTest {

    private static final List<String> ALL = List.of("scans/a.nii.gz", "scans/b.nii.gz", "notes/readme.txt");

    @TempDir
    Path dir;

    @Test
    void aMultiFileTorrentComesFromItsWebSeedAlone() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"));
             RangeFileServer seed = new RangeFileServer(dir.resolve("swarm/seed"), 0);
             TorrentJob job = job(swarm, seed.url(""))) {
            List<CompletedFile> files = job.run(TorrentSettings.loopback());

            assertSame(swarm, job, files, ALL);
            TorrentSources sources = TorrentSources.fromJson(job.record().sources());
            assertEquals(0, sources.peerBytes());
            assertEquals(List.of(new TorrentSources.WebSeed(seed.url(""), 650_001, null)), sources.webSeeds());
            assertTrue(seed.requests("study/scans/a.nii.gz") > 0, "multi-file: the URL + <name>/<path>");
        }
    }

    @Test
    void aSingleFileTorrentsWebSeedIsTheFileItself() throws Exception {
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put("scan.nii.gz", 200_000);
        try (LoopbackSwarm swarm = new LoopbackSwarm(dir.resolve("swarm"), "scan.nii.gz", layout, null);
             RangeFileServer seed = new RangeFileServer(dir.resolve("swarm/seed"), 0);
             TorrentJob job = new TorrentJob(dir.resolve("ws"), swarm.writeTorrent(dir.resolve("scan.torrent")).toString(),
                     "scan.nii.gz", options(seed.url("scan.nii.gz")))) {
            List<CompletedFile> files = job.run(TorrentSettings.loopback());

            assertEquals(1, files.size());
            assertEquals(-1, Files.mismatch(swarm.payload("scan.nii.gz"), job.datasetDir.resolve("scan.nii.gz")));
            assertEquals(files.get(0).sha256(), job.record().sha256(), "the torrent's row stands for its one file");
            assertEquals(List.of(new TorrentSources.WebSeed(seed.url("scan.nii.gz"), 200_000, null)),
                    TorrentSources.fromJson(job.record().sources()).webSeeds());
        }
    }

    @Test
    void aSeedSendingWrongBytesIsDroppedAndNoWrongByteIsWritten() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            Path lying = copy(swarm, dir.resolve("lying"), null);
            // b.nii.gz bytes 60,000 to 160,000 (torrent bytes 360,000 to 460,000: pieces 10 to 14) are wrong
            Path b = lying.resolve("study/scans/b.nii.gz");
            byte[] bytes = Files.readAllBytes(b);
            for (int i = 60_000; i < 160_000; i++) {
                bytes[i] ^= (byte) 0xff;
            }
            Files.write(b, bytes);
            try (RangeFileServer seed = new RangeFileServer(lying, 0); TorrentJob job = job(swarm, seed.url(""))) {
                TransferException e = assertThrows(TransferException.class, () -> job.run(TorrentSettings.loopback()));

                assertTrue(e.retryable(), e.getMessage());
                // pieces are fetched side by side, so which bad piece is the third to fail depends on timing
                java.util.regex.Matcher last = java.util.regex.Pattern.compile("the last: piece (\\d+),")
                        .matcher(e.getMessage());
                assertTrue(last.find(), e.getMessage());
                int piece = Integer.parseInt(last.group(1));
                assertTrue(piece >= 12 && piece <= 14, "the third bad piece of 10 to 14: " + e.getMessage());
                assertEquals("web seed " + seed.url("") + " sent 3 pieces that fail their SHA-1 check (the last: piece "
                        + piece + ", in scans/b.nii.gz); it is no longer used; no tracker or peer is known either (10 of "
                        + "20 pieces); will retry", e.getMessage());
                Path written = job.datasetDir.resolve("study/scans/b.nii.gz");
                byte[] original = Files.readAllBytes(swarm.payload("scans/b.nii.gz"));
                byte[] onDisk = Files.exists(written) ? Files.readAllBytes(written) : new byte[0];
                for (int i = 0; i < onDisk.length; i++) {
                    if (onDisk[i] != original[i] && onDisk[i] != 0) {
                        throw new AssertionError("byte " + i + " of b.nii.gz is neither the seeded one nor unwritten");
                    }
                }
                Map<String, FileRecord> rows = rows(job);
                assertEquals(FileState.DONE, rows.get("scans/a.nii.gz").state(), "its pieces all passed their check");
                assertNull(rows.get("scans/b.nii.gz").sha256());
                assertEquals(List.of(new TorrentSources.WebSeed(seed.url(""), 10 * LoopbackSwarm.PIECE,
                        "web seed " + seed.url("") + " sent 3 pieces that fail their SHA-1 check (the last: piece "
                                + piece + ", in scans/b.nii.gz); it is no longer used")),
                        TorrentSources.fromJson(job.record().sources()).webSeeds());
            }
        }
    }

    @Test
    void peersAndAWebSeedFillOneDownloadTogether() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            // the peer lacks readme.txt (pieces 15 to 19), the web seed a.nii.gz (pieces 0 to 9): each has
            // pieces only the other one can send
            LoopbackSwarm.Seeder peer = swarm.seedWithout("notes/readme.txt");
            Path partial = copy(swarm, dir.resolve("mirror"), "scans/a.nii.gz");
            try (RangeFileServer seed = new RangeFileServer(partial, 0);
                 TorrentJob job = new TorrentJob(dir.resolve("ws"), swarm.writeTorrent(dir.resolve("study.torrent"))
                         .toString(), "study", new TorrentOptions(null, List.of(), List.of(peer.peer()), null, false,
                         null, null, List.of(seed.url(""))))) {
                List<CompletedFile> files = job.run(TorrentSettings.loopback());

                assertSame(swarm, job, files, ALL);
                TorrentSources sources = TorrentSources.fromJson(job.record().sources());
                assertTrue(sources.peerBytes() >= 10L * LoopbackSwarm.PIECE, sources.toJson());
                assertTrue(sources.webSeeds().get(0).bytes() >= 5L * LoopbackSwarm.PIECE - LoopbackSwarm.PIECE,
                        sources.toJson());
                assertEquals(0, seed.bytesSent("study/scans/a.nii.gz"), "the seed has no a.nii.gz");
            }
        }
    }

    private TorrentJob job(LoopbackSwarm swarm, String webSeed) throws IOException {
        return new TorrentJob(dir.resolve("ws"), swarm.writeTorrent(dir.resolve("study.torrent")).toString(), "study",
                options(webSeed));
    }

    private static TorrentOptions options(String webSeed) {
        return new TorrentOptions(null, List.of(), List.of(), null, false, null, null, List.of(webSeed));
    }

    /** A copy of the seeded payload (without one file, when named) to serve as a web seed. */
    private static Path copy(LoopbackSwarm swarm, Path root, String without) throws IOException {
        for (String file : swarm.layout().keySet()) {
            if (!file.equals(without)) {
                Path copy = root.resolve(swarm.name()).resolve(file);
                Files.createDirectories(copy.getParent());
                Files.copy(swarm.payload(file), copy);
            }
        }
        return root;
    }

    private static Map<String, FileRecord> rows(TorrentJob job) {
        Map<String, FileRecord> rows = new LinkedHashMap<>();
        job.children().forEach(r -> rows.put(r.path().substring("downloads/ds/study/".length()), r));
        return rows;
    }

    private static void assertSame(LoopbackSwarm swarm, TorrentJob job, List<CompletedFile> files, List<String> names)
            throws IOException {
        assertEquals(names.size(), files.size());
        for (String name : names) {
            assertEquals(-1, Files.mismatch(swarm.payload(name), job.datasetDir.resolve("study").resolve(name)), name);
        }
        try (Stream<Path> left = Files.walk(job.datasetDir)) {
            assertEquals(names.size(), left.filter(Files::isRegularFile).count());
        }
        assertTrue(job.children().stream().allMatch(r -> r.state() == FileState.DONE && r.sha256() != null));
    }
}
