package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferOptions;
import org.medfetch.store.Segment;

/** The small parsers and rules the transfer is built from. */
class HttpPartsTest {

    @Test
    void contentRange() {
        assertEquals(new ContentRange(0, 99, 1000), ContentRange.parse("bytes 0-99/1000"));
        assertEquals(new ContentRange(5, 9, -1), ContentRange.parse("bytes 5-9/*"));
        assertNull(ContentRange.parse("bytes 9-5/1000"));
        assertNull(ContentRange.parse("bytes 0-1000/1000"));
        assertNull(ContentRange.parse("items 0-1/2"));
        assertNull(ContentRange.parse(null));
        assertEquals(0, ContentRange.unsatisfiedTotal("bytes */0"));
        assertEquals(-1, ContentRange.unsatisfiedTotal("bytes 0-1/2"));
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        Instant now = Instant.parse("2015-10-21T07:28:00Z");
        assertEquals(Duration.ofSeconds(120), HttpFailures.retryAfter("120", now));
        assertEquals(Duration.ofSeconds(90), HttpFailures.retryAfter("Wed, 21 Oct 2015 07:29:30 GMT", now));
        assertEquals(Duration.ZERO, HttpFailures.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now));
        assertNull(HttpFailures.retryAfter("soon", now));
        assertNull(HttpFailures.retryAfter(null, now));
    }

    @Test
    void onlyStrongEtagsGoIntoIfRange() {
        assertEquals("\"a\"", new Validators("\"a\"", "date").ifRange());
        assertEquals("date", new Validators("W/\"a\"", "date").ifRange());
        assertNull(new Validators("W/\"a\"", null).ifRange());
        assertTrue(new Validators("\"a\"", null).changedIn(new Validators("\"b\"", null)));
        assertFalse(new Validators("\"a\"", "d").changedIn(new Validators(null, null)));
    }

    @Test
    void contentDispositionParameters() {
        assertEquals("a b.zip", ServerFileName.fromDisposition("attachment; filename=\"a b.zip\""));
        assertEquals("plain.zip", ServerFileName.fromDisposition("attachment;filename=plain.zip"));
        assertEquals("€ rates.csv", ServerFileName.fromDisposition(
                "attachment; filename=\"EURO rates.csv\"; filename*=utf-8''%e2%82%ac%20rates.csv"));
        assertEquals("q\"uote.txt", ServerFileName.fromDisposition("inline; filename=\"q\\\"uote.txt\""));
        assertNull(ServerFileName.fromDisposition("attachment"));
    }

    @Test
    void htmlIsOnlyAnErrorForBinaryNames() {
        assertTrue(HttpFailures.binaryName("scans.tar.gz"));
        assertTrue(HttpFailures.binaryName("T1.NII"));
        assertFalse(HttpFailures.binaryName("index.html"));
        assertFalse(HttpFailures.binaryName("README"));
    }

    @Test
    void stealingSplitsTheLargestRemainderAtItsMiddle() {
        SegmentPlan plan = new SegmentPlan(1000, List.of(new Segment(0, 0, 500, 100), new Segment(1, 500, 1000, 490)));
        LiveSegment first = plan.takePending();
        plan.takePending();
        assertEquals(50, plan.claim(first, 50));

        LiveSegment upper = plan.steal(100);

        assertEquals(2, upper.index);
        assertEquals(325, upper.start);
        assertEquals(325, first.end());
        assertEquals(List.of(new Segment(0, 0, 325, 100), new Segment(2, 325, 500, 0), new Segment(1, 500, 1000, 490)),
                plan.recorded());
        assertNull(plan.steal(100), "175 bytes left is less than two minimum segments");
    }

    @Test
    void prefixStopsAtTheFirstGap() {
        SegmentPlan plan = new SegmentPlan(300, List.of(new Segment(0, 0, 100, 100), new Segment(1, 100, 200, 40),
                new Segment(2, 200, 300, 100)));
        assertEquals(140, plan.prefix());
    }

    @Test
    void piecesAreTwoToFourMinimumSegmentsAndNeverFewerThanTheConnections() {
        TransferOptions defaults = TransferOptions.defaults().withSegments(16L << 20, 16L << 20);
        assertEquals(32, HttpTransfer.segments(1L << 30, defaults.withConnections(8)));
        assertEquals(1, HttpTransfer.segments(1L << 30, defaults.withConnections(1)));
        assertEquals(1, HttpTransfer.segments(31L << 20, defaults.withConnections(8)));
        assertEquals(2, HttpTransfer.segments(32L << 20, defaults.withConnections(8)));
        assertEquals(3, HttpTransfer.segments(48L << 20, defaults.withConnections(8)));
        assertEquals(8, HttpTransfer.segments(200L << 20, defaults.withConnections(8)));
        assertEquals(HttpTransfer.MAX_SEGMENTS, HttpTransfer.segments(100L << 30, defaults.withConnections(8)));
    }

    @Test
    void aFullDiskIsRetryableAndOtherFileErrorsAreNot() {
        TransferException full = PartFile.failure("cannot write x.part", new IOException("No space left on device"));
        TransferException quota = PartFile.failure("cannot write x.part", new IOException("Disk quota exceeded"));
        TransferException denied = PartFile.failure("cannot open x.part", new IOException("Permission denied"));

        assertEquals(TransferException.Kind.DISK_FULL, full.kind());
        assertTrue(full.retryable());
        assertEquals(TransferException.Kind.DISK_FULL, quota.kind());
        assertEquals(TransferException.Kind.IO, denied.kind());
        assertFalse(denied.retryable());
    }
}
