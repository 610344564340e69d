package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.resolve.Checksum;
import org.medfetch.store.Segment;

/** Several connections into one part file: the split, its record, resume per segment, and work stealing. */
class SegmentedDownloadTest {

    static final int SIZE = 1 << 20;
    static final long BATCH = 32 * 1024;

    @TempDir
    Path dir;

    final byte[] content = Fixture.random(SIZE, 3);
    final FileServer files = new FileServer(content);
    Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture(dir, files);
        fixture.file(fixture.url(FileServer.PATH), "data.bin");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    CompletedFile fetch() throws Exception {
        return fixture.fetch();
    }

    List<Segment> segments() {
        return fixture.store.segments(fixture.fileId);
    }

    /** Segments cover the file without gaps or overlaps, and every one is complete. */
    void assertCompletePlan() {
        long at = 0;
        for (Segment s : segments()) {
            assertEquals(at, s.start(), segments().toString());
            assertTrue(s.complete(), s.toString());
            at = s.end();
        }
        assertEquals(SIZE, at);
    }

    @Test
    void fourConnectionsFetchFourRangesIntoOnePartFile() throws Exception {
        // 200 KiB minimum: four segments of 256 KiB, none large enough to split again.
        fixture.options = fixture.options.withConnections(4).withSegments(200 * 1024, BATCH);

        CompletedFile file = fetch();

        assertArrayEquals(content, Files.readAllBytes(file.path()));
        assertEquals(Set.of("bytes=0-", "bytes=262144-524287", "bytes=524288-786431", "bytes=786432-1048575"),
                new HashSet<>(files.rangesAsked()));
        assertEquals(4, files.rangesAsked().size());
        assertEquals(4, segments().size());
        assertCompletePlan();
        // Every request after the first names the version it continues.
        files.requests.stream().skip(1).forEach(r -> assertEquals("\"v1\"", r.getHeaders().get("If-Range")));
    }

    @Test
    void segmentCountIsBoundedByTheMinimumSegmentSize() throws Exception {
        fixture.options = fixture.options.withConnections(8).withSegments(400 * 1024, BATCH);

        fetch();

        assertEquals(2, segments().size());
        assertEquals(Set.of("bytes=0-", "bytes=524288-1048575"), new HashSet<>(files.rangesAsked()));
    }

    @Test
    void smallFileStaysOneSegment() throws Exception {
        fixture.options = fixture.options.withConnections(4).withSegments(SIZE, BATCH);

        fetch();

        assertEquals(List.of("bytes=0-"), files.rangesAsked());
        assertEquals(1, segments().size());
    }

    @Test
    void theFileIsCutIntoMorePiecesThanConnections() throws Exception {
        // 4 connections, pieces of two minimum segments (64 KiB): 16 pieces, each fetched by one request. A
        // piece whose connection has not started reading yet may be split by an idle one: never below 32 KiB.
        fixture.options = fixture.options.withConnections(4).withSegments(32 * 1024, BATCH);

        CompletedFile file = fetch();

        assertArrayEquals(content, Files.readAllBytes(file.path()));
        assertTrue(segments().size() >= 16, segments().toString());
        segments().forEach(s -> assertTrue(s.end() - s.start() >= 32 * 1024, s.toString()));
        assertEquals(segments().size(), files.rangesAsked().size());
        assertTrue(files.rangesAsked().containsAll(List.of("bytes=0-", "bytes=65536-131071", "bytes=983040-1048575"))
                || segments().size() > 16, files.rangesAsked().toString());
        assertCompletePlan();
    }

    @Test
    void idleConnectionSplitsTheSlowSegment() throws Exception {
        // Two pieces of 512 KiB; the first starts late, so the connection done with the second splits it.
        fixture.options = fixture.options.withConnections(2).withSegments(200 * 1024, BATCH);
        files.slowStart = start -> start == 0;

        CompletedFile file = fetch();

        assertArrayEquals(content, Files.readAllBytes(file.path()));
        assertTrue(segments().size() > 2, "no split: " + segments());
        assertTrue(files.rangesAsked().stream().anyMatch(r -> {
            long start = Long.parseLong(r.substring("bytes=".length(), r.indexOf('-')));
            return start > 0 && start < SIZE / 2;
        }), files.rangesAsked().toString());
        assertCompletePlan();
    }

    @Test
    void interruptedSegmentsResumeEachFromItsOwnPosition() throws Exception {
        fixture.options = fixture.options.withConnections(4).withSegments(200 * 1024, BATCH);
        files.disconnects.set(4);
        files.disconnectAfter = 50_000;

        TransferException e = assertThrows(TransferException.class, this::fetch);
        assertEquals(Kind.NETWORK, e.kind());
        files.disconnects.set(0); // answers cancelled before they were sent leave cuts unused

        List<Segment> recorded = segments();
        assertEquals(4, recorded.size());
        long remaining = recorded.stream().mapToLong(Segment::remaining).sum();
        assertTrue(remaining < SIZE, recorded.toString());
        long servedBefore = files.served.get();
        int asked = files.rangesAsked().size();

        CompletedFile file = fetch();

        assertArrayEquals(content, Files.readAllBytes(file.path()));
        Set<String> expected = new HashSet<>();
        recorded.stream().filter(s -> !s.complete())
                .forEach(s -> expected.add("bytes=" + s.position() + "-" + (s.end() - 1)));
        assertEquals(expected, new HashSet<>(files.rangesAsked().subList(asked, files.rangesAsked().size())));
        assertTrue(files.served.get() - servedBefore <= remaining + 4 * BATCH,
                "served " + (files.served.get() - servedBefore) + " for " + remaining + " missing");
    }

    /** The server gives nothing to tie a range to the first answer, and the file changes right after it. */
    void changesAfterTheFirstAnswer(String etag, String lastModified) {
        fixture.options = fixture.options.withConnections(4).withSegments(64 * 1024, BATCH);
        files.etag = etag;
        files.lastModified = lastModified;
        files.changeAfterNext = Fixture.random(SIZE, 4);
    }

    @ParameterizedTest
    @CsvSource(value = {"null, null", "W/\"weak\", null"}, nullValues = "null")
    void withoutAValidatorForIfRangeTheFileIsOneStreamAndNeverSpliced(String etag, String lastModified)
            throws Exception {
        changesAfterTheFirstAnswer(etag, lastModified);

        CompletedFile file = fetch();

        assertArrayEquals(content, Files.readAllBytes(file.path()), "the version of the first answer, whole");
        assertEquals(List.of("bytes=0-"), files.rangesAsked());
        assertEquals(1, segments().size());
    }

    @Test
    void withoutValidatorsAPublishedChecksumAllowsSegmentsAndCatchesAMix() {
        fixture.close();
        fixture = assertDoesNotThrow(() -> new Fixture(dir.resolve("checksummed"), files));
        fixture.file(fixture.url(FileServer.PATH), "data.bin", null,
                List.of(new Checksum("sha256", Fixture.sha256(content))));
        changesAfterTheFirstAnswer(null, null);

        TransferException e = assertThrows(TransferException.class, this::fetch);

        assertEquals(Kind.CHECKSUM, e.kind());
        assertTrue(files.rangesAsked().size() > 1, files.rangesAsked().toString());
        assertTrue(Files.notExists(fixture.dataset().resolve("data.bin")));
    }

    @Test
    void withAStrongEtagEveryRangeIsTiedToTheFirstAnswer() throws Exception {
        changesAfterTheFirstAnswer("\"v1\"", null);
        files.etagAfterChange = "\"v2\"";
        byte[] changed = files.changeAfterNext;

        CompletedFile file = fetch();

        // the ranges asked If-Range "v1" were answered with the whole new file: the download started over
        assertTrue(files.rangesAsked().stream().filter("bytes=0-"::equals).count() == 2, files.rangesAsked().toString());
        assertArrayEquals(changed, Files.readAllBytes(file.path()));
    }

    @Test
    void rangeThatChangedMidDownloadRestartsTheWholeFile() throws Exception {
        fixture.options = fixture.options.withConnections(4).withSegments(200 * 1024, BATCH);
        files.disconnects.set(4);
        files.disconnectAfter = 50_000;
        assertThrows(TransferException.class, this::fetch);
        files.disconnects.set(0);
        // The first segment request of the resume claims another start: the whole file starts over.
        files.wrongStarts.set(1);

        CompletedFile file = fetch();

        assertArrayEquals(content, Files.readAllBytes(file.path()));
        assertTrue(files.rangesAsked().contains("bytes=0-"));
        assertCompletePlan();
    }
}
