package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.Progress;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.engine.TransferStopped;
import org.medfetch.resolve.Checksum;
import org.medfetch.store.FileState;
import org.medfetch.store.Segment;

/**
 * Interrupted downloads continue where the recorded progress ends, and restart from zero (never splice)
 * whenever the remote file may have changed.
 */
class HttpResumeTest {

    static final long BATCH = 32 * 1024;
    static final int CUT = 100_000;

    @TempDir
    Path dir;

    final byte[] content = Fixture.random(300_000, 2);
    final FileServer files = new FileServer(content);
    Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture(dir, files);
        fixture.options = fixture.options.withSegments(64 * 1024, BATCH);
        fixture.file(fixture.url(FileServer.PATH), "data.bin");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    CompletedFile fetch(Progress progress) throws Exception {
        return fixture.fetch(progress).get(0);
    }

    CompletedFile fetch() throws Exception {
        return fixture.fetch();
    }

    /** First attempt breaks after {@link #CUT} bytes; returns what the server had served by then. */
    long interrupted() {
        files.disconnects.set(1);
        files.disconnectAfter = CUT;
        TransferException e = assertThrows(TransferException.class, this::fetch);
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.retryable());
        assertFalse(e.getMessage().contains("?"), e.getMessage());
        return files.served.get();
    }

    long recordedDone() {
        return fixture.store.segments(fixture.fileId).stream().mapToLong(Segment::done).sum();
    }

    /** Recorded progress only ever covers bytes that are on disk and right. */
    void assertRecordedBytesAreOnDisk() throws Exception {
        Path part = fixture.dataset().resolve("data.bin.part");
        byte[] onDisk = Files.readAllBytes(part);
        for (Segment s : fixture.store.segments(fixture.fileId)) {
            assertTrue(s.start() + s.done() <= onDisk.length, s.toString());
            assertArrayEquals(Arrays.copyOfRange(content, (int) s.start(), (int) (s.start() + s.done())),
                    Arrays.copyOfRange(onDisk, (int) s.start(), (int) (s.start() + s.done())), s.toString());
        }
    }

    @Test
    void resumeFetchesOnlyWhatIsMissing() throws Exception {
        long servedBefore = interrupted();
        assertRecordedBytesAreOnDisk();
        long done = recordedDone();
        assertTrue(done >= CUT - BATCH, "recorded " + done);
        int asked = files.rangesAsked().size();

        CompletedFile file = fetch();

        assertEquals(Fixture.sha256(content), file.sha256());
        long refetched = files.served.get() - servedBefore - (content.length - CUT);
        assertTrue(refetched <= BATCH, "fetched again: " + refetched);
        assertEquals("bytes=" + done + "-" + (content.length - 1), files.rangesAsked().get(asked));
        assertEquals("\"v1\"", files.requests.get(files.requests.size() - 1).getHeaders().get("If-Range"));
    }

    @Test
    void weakEtagFallsBackToLastModifiedInIfRange() throws Exception {
        files.etag = "W/\"weak\"";
        interrupted();

        assertEquals(Fixture.sha256(content), fetch().sha256());
        assertEquals(files.lastModified, files.requests.get(files.requests.size() - 1).getHeaders().get("If-Range"));
    }

    @Test
    void changedEtagRestartsFromZero() throws Exception {
        interrupted();
        byte[] changed = Fixture.random(content.length, 99);
        files.content = changed;
        files.etag = "\"v2\"";
        int asked = files.rangesAsked().size();
        Fixture.Recording progress = new Fixture.Recording();

        CompletedFile file = fetch(progress);

        assertEquals(Fixture.sha256(changed), file.sha256());
        assertArrayEquals(changed, Files.readAllBytes(file.path()));
        assertEquals(List.of("bytes=" + recordedDoneAtStart(asked) + "-" + (content.length - 1), "bytes=0-"),
                files.rangesAsked().subList(asked, files.rangesAsked().size()));
        assertTrue(progress.events.stream().anyMatch(e -> e.startsWith("status starting over")), progress.events.toString());
        assertEquals("\"v2\"", fixture.record().etag());
    }

    private String recordedDoneAtStart(int asked) {
        String first = files.rangesAsked().get(asked);
        return first.substring("bytes=".length(), first.indexOf('-'));
    }

    @Test
    void sameSizeChangeWithoutValidatorsIsCaughtByTheOverlap() throws Exception {
        files.etag = null;
        files.lastModified = null;
        interrupted();
        long done = recordedDone();
        byte[] changed = content.clone();
        changed[(int) done - 10] ^= 1; // one byte before the resume point differs
        files.content = changed;
        int asked = files.rangesAsked().size();

        CompletedFile file = fetch();

        assertEquals(Fixture.sha256(changed), file.sha256());
        assertEquals(List.of("bytes=" + (done - SegmentWorker.OVERLAP) + "-" + (content.length - 1), "bytes=0-"),
                files.rangesAsked().subList(asked, files.rangesAsked().size()));
    }

    @Test
    void unchangedFileWithoutValidatorsResumesAfterTheOverlap() throws Exception {
        files.etag = null;
        files.lastModified = null;
        long servedBefore = interrupted();
        long done = recordedDone();

        CompletedFile file = fetch();

        assertEquals(Fixture.sha256(content), file.sha256());
        assertEquals(content.length - done + SegmentWorker.OVERLAP, files.served.get() - servedBefore);
    }

    @Test
    void withoutValidatorsAResumeIsOneStreamFromTheOverlap() throws Exception {
        files.etag = null;
        files.lastModified = null;
        fixture.options = fixture.options.withConnections(4);
        interrupted();
        long done = recordedDone();
        int asked = files.rangesAsked().size();

        assertEquals(Fixture.sha256(content), fetch().sha256());

        assertEquals(List.of("bytes=" + (done - SegmentWorker.OVERLAP) + "-" + (content.length - 1)),
                files.rangesAsked().subList(asked, files.rangesAsked().size()));
    }

    @Test
    void severalSegmentsThatNothingTiesTogetherStartOver() throws Exception {
        files.etag = null;
        files.lastModified = null;
        // What an older medfetch left: two segments of a file without validators, the first partly fetched
        // from an older version that differs from today's only before the 64 KiB the overlap check re-reads.
        byte[] old = content.clone();
        System.arraycopy(Fixture.random(30_000, 5), 0, old, 0, 30_000);
        Files.createDirectories(fixture.dataset());
        Files.write(fixture.dataset().resolve("data.bin.part"), Arrays.copyOf(old, 100_000));
        fixture.store.saveValidators(fixture.fileId, null, (long) content.length, null, null);
        fixture.store.saveSegments(fixture.fileId, List.of(new Segment(0, 0, 150_000, 100_000),
                new Segment(1, 150_000, 300_000, 0)));

        CompletedFile file = fetch();

        assertArrayEquals(content, Files.readAllBytes(file.path()));
        assertEquals(List.of("bytes=0-"), files.rangesAsked());
    }

    @Test
    void anotherTotalInContentRangeRestartsFromZero() throws Exception {
        files.etag = null;
        files.lastModified = null;
        interrupted();
        byte[] longer = Arrays.copyOf(content, content.length + 5000); // same bytes so far, then more
        files.content = longer;

        assertEquals(Fixture.sha256(longer), fetch().sha256());
        assertEquals("bytes=0-", files.rangesAsked().get(files.rangesAsked().size() - 1));
        assertEquals((long) longer.length, fixture.record().size());
    }

    @Test
    void wrongContentRangeStartRestartsFromZero() throws Exception {
        interrupted();
        files.wrongStarts.set(1);
        int asked = files.rangesAsked().size();

        assertEquals(Fixture.sha256(content), fetch().sha256());
        assertEquals("bytes=0-", files.rangesAsked().get(files.rangesAsked().size() - 1));
        assertEquals(2, files.rangesAsked().size() - asked);
    }

    @Test
    void serverThatStoppedHonouringRangesRestartsFromZero() throws Exception {
        interrupted();
        files.ranges = false;

        assertEquals(Fixture.sha256(content), fetch().sha256());
        assertEquals("bytes=0-", files.rangesAsked().get(files.rangesAsked().size() - 1));
    }

    @Test
    void fileThatShrankBelowTheResumePointRestarts() throws Exception {
        interrupted();
        byte[] shorter = Arrays.copyOf(content, 50_000);
        files.content = shorter;

        assertEquals(Fixture.sha256(shorter), fetch().sha256());
    }

    @Test
    void wrongStartOnAFreshRequestIsRetryable() {
        files.wrongStarts.set(1);

        TransferException e = assertThrows(TransferException.class, this::fetch);

        assertEquals(Kind.HTTP_STATUS, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void errorsBetweenAttemptsDoNotLoseProgress() throws Exception {
        interrupted();
        long done = recordedDone();
        files.errors.set(2);
        files.errorCode = 502;

        for (int i = 0; i < 2; i++) {
            TransferException e = assertThrows(TransferException.class, this::fetch);
            assertEquals(Kind.HTTP_STATUS, e.kind());
            assertTrue(e.retryable());
            assertEquals(done, recordedDone());
        }
        assertEquals(Fixture.sha256(content), fetch().sha256());
    }

    @Test
    void partFileCutShorterThanRecordedResumesFromWhatIsOnDisk() throws Exception {
        interrupted();
        try (FileChannel part = FileChannel.open(fixture.dataset().resolve("data.bin.part"), StandardOpenOption.WRITE)) {
            part.truncate(40_000);
        }

        assertEquals(Fixture.sha256(content), fetch().sha256());
        assertEquals("bytes=40000-" + (content.length - 1), files.rangesAsked().get(files.rangesAsked().size() - 1));
    }

    @Test
    void stopSignalKeepsProgressAndTheNextCallFinishes() throws Exception {
        Fixture.Recording stopper = new Fixture.Recording();
        stopper.afterAdvance = total -> {
            if (total >= CUT) {
                fixture.stop.raise(StopSignal.Reason.INTERRUPTED);
            }
        };

        TransferStopped stopped = assertThrows(TransferStopped.class, () -> fetch(stopper));

        assertEquals(StopSignal.Reason.INTERRUPTED, stopped.reason());
        assertRecordedBytesAreOnDisk();
        long done = recordedDone();
        assertTrue(done >= CUT && done < content.length, "recorded " + done);
        long servedBefore = files.served.get();
        assertEquals(Fixture.sha256(content), fetch().sha256());
        assertTrue(files.served.get() - servedBefore <= content.length - done + BATCH);
    }

    @Test
    void pauseFromAnotherProcessStopsAtTheNextCommit() throws Exception {
        Fixture.Recording pauser = new Fixture.Recording();
        java.util.concurrent.atomic.AtomicBoolean paused = new java.util.concurrent.atomic.AtomicBoolean();
        pauser.afterAdvance = total -> {
            if (total >= CUT && paused.compareAndSet(false, true)) {
                fixture.store.setState(fixture.fileId, FileState.PAUSED, "user");
            }
        };

        TransferStopped stopped = assertThrows(TransferStopped.class, () -> fetch(pauser));

        assertEquals(StopSignal.Reason.PAUSED, stopped.reason());
        assertRecordedBytesAreOnDisk();
        assertTrue(recordedDone() >= CUT);
    }

    /** A file already under the target's name (and no part file), for a record that publishes size or checksum. */
    void existingTarget(byte[] onDisk, Long size, List<Checksum> checksums) throws Exception {
        fixture.close();
        fixture = new Fixture(dir.resolve("other"), files);
        fixture.file(fixture.url(FileServer.PATH), "data.bin", size, checksums);
        Files.createDirectories(fixture.dataset());
        Files.write(fixture.dataset().resolve("data.bin"), onDisk);
    }

    @Test
    void existingTargetWithMatchingChecksumIsTakenWithoutARequest() throws Exception {
        existingTarget(content, null, List.of(new Checksum("sha256", Fixture.sha256(content))));
        int before = files.requests.size();

        assertEquals(Fixture.sha256(content), fetch().sha256());
        assertEquals(before, files.requests.size());
    }

    @Test
    void existingTargetThatDiffersIsNeverOverwritten() throws Exception {
        existingTarget("something else".getBytes(), null, List.of(new Checksum("sha256", Fixture.sha256(content))));

        TransferException e = assertThrows(TransferException.class, this::fetch);

        assertEquals(Kind.CHECKSUM, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("something else", Files.readString(fixture.dataset().resolve("data.bin")));
    }

    @Test
    void existingTargetWithoutChecksumMustHaveTheKnownSize() throws Exception {
        existingTarget("short".getBytes(), (long) content.length, List.of());

        TransferException e = assertThrows(TransferException.class, this::fetch);

        assertEquals(Kind.SIZE_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void existingTargetWithNothingKnownIsAccepted() throws Exception {
        Files.createDirectories(fixture.dataset());
        Files.write(fixture.dataset().resolve("data.bin"), content);

        assertEquals(Fixture.sha256(content), fetch().sha256());
        assertTrue(files.requests.isEmpty());
    }
}
