package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.Progress;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferStopped;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;

/** TorrentTransfer against real bt seeders on 127.0.0.1, with a real Store. */
class TorrentTransferTest {

    private static final List<String> ALL = List.of("scans/a.nii.gz", "scans/b.nii.gz", "notes/readme.txt");

    @TempDir
    Path dir;

    @Test
    void downloadsATorrentFileFromALoopbackSeeder() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            try (TorrentJob job = jobFor(swarm, options(null, seeder.peer()))) {
                RecordingProgress progress = new RecordingProgress();
                List<CompletedFile> files = job.run(TorrentSettings.loopback(), progress, new StopSignal());

                assertSameAsSeeded(swarm, job, files, ALL);
                FileRecord torrentRow = job.record();
                assertEquals(swarm.infoHash(), torrentRow.infoHash());
                assertEquals(swarm.pieces(), torrentRow.piecesTotal());
                assertEquals(swarm.pieces(), torrentRow.piecesDone());
                assertArrayEquals(new int[] {swarm.pieces(), swarm.pieces()},
                        progress.pieces.get(progress.pieces.size() - 1), "the last report is every piece");
            }
        }
    }

    @Test
    void downloadsAMagnetFromItsPeerAndKeepsTheMetadataForLaterAttempts() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            try (TorrentJob job = new TorrentJob(dir.resolve("ws"), swarm.magnet(seeder.peer()), "study",
                    TorrentOptions.DEFAULTS)) {
                List<CompletedFile> files = job.run(TorrentSettings.loopback());

                assertSameAsSeeded(swarm, job, files, ALL);
                Path saved = job.workspace.resolve("downloads/.medfetch/torrents/" + swarm.infoHash() + ".torrent");
                assertEquals(swarm.infoHash(), MetainfoReader.infoHash(
                        new MetainfoReader(new SavedMetadata(saved.getParent()), null, Duration.ofSeconds(5))
                                .parse(Files.readAllBytes(saved), "saved")));
            }
        }
    }

    @Test
    void reachesAnIpv6PeerNamedInTheMagnet() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seedOnIpv6Loopback();
            // bt 1.10's own magnet parser drops IPv6 x.pe entries; medfetch hands them to bt itself
            try (TorrentJob job = new TorrentJob(dir.resolve("ws"), swarm.magnet("[::1]:" + seeder.port()), "study",
                    TorrentOptions.DEFAULTS)) {
                List<CompletedFile> files = job.run(TorrentSettings.defaults().withBindAddress(
                        InetAddress.getByName("::1")));
                assertSameAsSeeded(swarm, job, files, ALL);
            }
        }
    }

    @Test
    void fetchesOnlySelectedFilesAndRemovesWhatBtWroteForTheOthers() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            try (TorrentJob job = jobFor(swarm, options("scans/a*", seeder.peer()))) {
                List<CompletedFile> files = job.run(TorrentSettings.loopback());

                assertSameAsSeeded(swarm, job, files, List.of("scans/a.nii.gz"));
                Path folder = job.datasetDir.resolve("study");
                try (Stream<Path> left = Files.walk(folder)) {
                    assertEquals(List.of(folder, folder.resolve("scans"), folder.resolve("scans/a.nii.gz")),
                            left.sorted().toList(), "skipped files and the folders they leave empty are gone");
                }
                // a.nii.gz (300,000 bytes) spans pieces 0..9 of 32 KiB
                assertEquals(10, job.record().piecesTotal());
                assertEquals(300_000L, job.record().size());
            }
        }
    }

    @Test
    void aPausedDownloadResumesFetchingOnlyTheMissingPieces() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder partial = swarm.seedWithout("notes/readme.txt");
            int available = partial.piecesComplete();
            try (TorrentJob job = jobFor(swarm, options(null, partial.peer()))) {
                // another process pauses the file once every piece the partial seeder has arrived
                RecordingProgress first = new RecordingProgress(done -> {
                    if (done == available) {
                        job.store.setState(job.fileId, FileState.PAUSED, "user");
                    }
                });
                TransferStopped stopped = assertThrows(TransferStopped.class,
                        () -> job.run(TorrentSettings.loopback(), first, new StopSignal()));
                assertEquals(StopSignal.Reason.PAUSED, stopped.reason());
                assertEquals(available, job.record().piecesDone());
                swarm.stop(partial);

                LoopbackSwarm.Seeder full = swarm.seed();
                job.store.requeue(job.fileId);
                RecordingProgress second = new RecordingProgress();
                List<CompletedFile> files = job.options(options(null, full.peer()))
                        .run(TorrentSettings.loopback(), second, new StopSignal());

                assertTrue(second.statuses.contains("re-checking pieces"), second.statuses::toString);
                // Measured by what the new seeder sent, not by the first progress report, which a fast
                // machine may not see before the missing pieces arrive.
                long missing = (long) (swarm.pieces() - available) * LoopbackSwarm.PIECE;
                assertTrue(full.uploaded() <= missing, "the re-check found every piece of the first attempt: the seeder"
                        + " sent " + full.uploaded() + " bytes, the missing pieces are " + missing);
                assertSameAsSeeded(swarm, job, files, ALL);
            }
        }
    }

    @Test
    void aCorruptPieceIsNeverKeptAndIsFetchedAgain() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            // the seeder checked its data on start; from now on it serves one bad byte in piece 12
            Path bad = swarm.payload("scans/b.nii.gz");
            byte original = flipByte(bad, 100_000);
            try (TorrentJob job = jobFor(swarm, options(null, seeder.peer()))) {
                // The watchdog's clock stands still until every good piece is in, however long connecting
                // and fetching take on a busy machine; from then on it runs.
                HeldClock clock = new HeldClock();
                RecordingProgress releaseWhenAllGoodPiecesAreIn = new RecordingProgress(done -> {
                    if (done == swarm.pieces() - 1) {
                        clock.release();
                    }
                });
                TransferException stalled = assertThrows(TransferException.class,
                        // Stalled 10 s after the last good piece: bt re-sends the bad piece every few seconds,
                        // which must not count as progress here (a budget of one piece).
                        () -> job.run(TorrentSettings.loopback().withStallTimeout(Duration.ofSeconds(10))
                                .withStallPieces(1), releaseWhenAllGoodPiecesAreIn, new StopSignal(), clock));
                assertEquals(TransferException.Kind.STALLED, stalled.kind());
                assertTrue(stalled.retryable());
                assertEquals(swarm.pieces() - 1, job.record().piecesDone(), "every piece but the corrupt one");
                Map<String, FileState> states = job.children().stream()
                        .collect(Collectors.toMap(FileRecord::path, FileRecord::state));
                assertNotEquals(FileState.DONE, states.get("downloads/ds/study/scans/b.nii.gz"));

                // A fresh seeder on the same port serves the repaired file: the first one may still hold the
                // old connection (same peer id) and refuse the new run's, which left it waiting on a busy CI.
                restoreByte(bad, 100_000, original);
                swarm.stop(seeder);
                LoopbackSwarm.Seeder repaired = swarm.seedOn(seeder.port());
                job.store.requeue(job.fileId);
                List<CompletedFile> files = job.run(TorrentSettings.loopback(), new RecordingProgress(), new StopSignal());
                long sent = repaired.uploaded();
                assertTrue(sent <= 2L * LoopbackSwarm.PIECE, "only the bad piece is fetched again, not " + sent + " bytes");
                assertSameAsSeeded(swarm, job, files, ALL);
            }
        }
    }

    @Test
    void seedsForTheTimeAskedAndThenReturnsTheRecordedFiles() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            TorrentOptions seedOneSecond = new TorrentOptions(null, List.of(), List.of(seeder.peer()), null, false,
                    null, Duration.ofSeconds(1));
            try (TorrentJob job = jobFor(swarm, seedOneSecond)) {
                RecordingProgress progress = new RecordingProgress();
                List<CompletedFile> files = job.run(TorrentSettings.loopback(), progress, new StopSignal());

                assertTrue(progress.statuses.contains("seeding"), progress.statuses::toString);
                assertSameAsSeeded(swarm, job, files, ALL);
            }
        }
    }

    @Test
    void seedsUntilTheRatioIsReachedOnTheAskedPort() throws Exception {
        try (LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            int port = freePort();
            TorrentOptions seedOnce = new TorrentOptions(null, List.of(), List.of(seeder.peer()), port, false, 1.0, null);
            try (TorrentJob job = jobFor(swarm, seedOnce)) {
                CompletableFuture<List<CompletedFile>> medfetch = new CompletableFuture<>();
                CompletableFuture<LoopbackSwarm.Seeder> leecher = new CompletableFuture<>();
                Progress startLeecherWhenSeeding = new Progress() {
                    @Override
                    public void status(long fileId, String message) {
                        if (message.equals("seeding")) {
                            swarm.stop(seeder); // from now on medfetch is the only source
                            try {
                                leecher.complete(swarm.leechFrom(port));
                            } catch (Exception e) {
                                leecher.completeExceptionally(e);
                            }
                        }
                    }
                };
                Thread run = new Thread(() -> {
                    try {
                        medfetch.complete(job.run(TorrentSettings.loopback(), startLeecherWhenSeeding, new StopSignal()));
                    } catch (Exception e) {
                        medfetch.completeExceptionally(e);
                    }
                });
                run.start();
                // medfetch returns only once it has uploaded as much as it downloaded: the whole torrent
                assertSameAsSeeded(swarm, job, medfetch.get(2, TimeUnit.MINUTES), ALL);
                // medfetch was the leecher's only source. A ratio of 1.0 means it sent a torrent's worth of
                // bytes, not that the leecher holds every piece (bt may send a block twice near the end),
                // so the leecher must hold most pieces; its last ones are verified a moment later.
                LoopbackSwarm.Seeder other = leecher.get();
                for (int i = 0; i < 100 && other.piecesComplete() < swarm.pieces(); i++) {
                    Thread.sleep(50);
                }
                assertTrue(other.piecesComplete() >= swarm.pieces() / 2,
                        "the leecher got " + other.piecesComplete() + " of " + swarm.pieces() + " pieces from medfetch");
            }
        }
    }

    @Test
    void aSingleFileTorrentIsRecordedAsItsOneFile() throws Exception {
        Map<String, Integer> one = new LinkedHashMap<>();
        one.put("volume.nii.gz", 100_000);
        try (LoopbackSwarm swarm = new LoopbackSwarm(dir.resolve("swarm"), "volume.nii.gz", one, null)) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            try (TorrentJob job = jobFor(swarm, options(null, seeder.peer()))) {
                List<CompletedFile> files = job.run(TorrentSettings.loopback());

                assertEquals(1, files.size());
                Path local = job.datasetDir.resolve("volume.nii.gz").toAbsolutePath();
                assertEquals(local, files.get(0).path());
                String sha = FinishedFiles.sha256(swarm.payload("")).sha256();
                assertEquals(sha, files.get(0).sha256());
                // the torrent's own row has the file's path: it stands for the file, no second row is made
                assertEquals(List.of(), job.children());
                assertEquals(sha, job.record().sha256());
                assertEquals(FileState.DONE, job.record().state());
            }
        }
    }

    /** A job for the swarm's torrent, given as a .torrent file. */
    private TorrentJob jobFor(LoopbackSwarm swarm, TorrentOptions options) throws IOException {
        Path torrent = swarm.writeTorrent(dir.resolve(swarm.name() + ".torrent"));
        return new TorrentJob(dir.resolve("ws"), torrent.toString(), swarm.name(), options);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static TorrentOptions options(String files, String... peers) {
        return new TorrentOptions(files, List.of(), List.of(peers), null, false, null, null);
    }

    /** Every expected file is on disk with the seeded bytes, returned and recorded with its SHA-256. */
    static void assertSameAsSeeded(LoopbackSwarm swarm, TorrentJob job, List<CompletedFile> files, List<String> expected)
            throws IOException {
        Map<Path, CompletedFile> byPath = files.stream().collect(Collectors.toMap(CompletedFile::path, f -> f));
        assertEquals(expected.size(), files.size(), () -> "completed: " + byPath.keySet());
        Map<String, FileRecord> rows = job.children().stream().collect(Collectors.toMap(FileRecord::path, r -> r));
        assertEquals(expected.size(), rows.size(), () -> "recorded: " + rows.keySet());
        for (String relative : expected) {
            Path local = job.datasetDir.resolve(swarm.name()).resolve(relative).toAbsolutePath();
            String sha = FinishedFiles.sha256(swarm.payload(relative)).sha256();
            assertEquals(-1, Files.mismatch(swarm.payload(relative), local), relative + " has the seeded bytes");
            assertEquals(sha, byPath.get(local).sha256());
            FileRecord row = rows.get("downloads/ds/" + swarm.name() + "/" + relative);
            assertEquals(FileState.DONE, row.state());
            assertEquals(sha, row.sha256());
            assertEquals(Files.size(local), row.size());
        }
    }

    private static byte flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            byte original = raf.readByte();
            raf.seek(offset);
            raf.writeByte(original ^ 0xff);
            return original;
        }
    }

    private static void restoreByte(Path file, long offset, byte original) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.writeByte(original);
        }
    }

    /** Nanoseconds that stand still until released, then run on from where they stood. */
    private static final class HeldClock implements LongSupplier {
        private static final long HELD_AT_MOST = TimeUnit.MINUTES.toNanos(3);
        private final long start = System.nanoTime();
        private volatile long releasedAt = -1;

        void release() {
            if (releasedAt < 0) {
                releasedAt = System.nanoTime();
            }
        }

        @Override
        public long getAsLong() {
            if (releasedAt < 0 && System.nanoTime() - start > HELD_AT_MOST) {
                release(); // the good pieces never came: let the watchdog end the attempt, and the test fail
            }
            return releasedAt < 0 ? start : start + System.nanoTime() - releasedAt;
        }
    }
}
