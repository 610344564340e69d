package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferStopped;

/**
 * The hasher takes the buffers a connection has just written when they continue the hashed prefix, and
 * reads only the bytes nobody handed over from the part file. The tests give the file other bytes than
 * the buffers where that tells which of the two was hashed.
 */
class PrefixHasherTest {

    private static final int SIZE = 64 * 1024;

    @TempDir
    Path dir;

    private PartFile part;

    @BeforeEach
    void open() throws Exception {
        part = PartFile.open(dir.resolve("data.bin.part"));
    }

    @AfterEach
    void close() {
        part.close();
    }

    @Test
    void handedBuffersAreHashedWithoutReadingTheFileBack() throws Exception {
        byte[] content = Fixture.random(SIZE, 1);
        // The file holds zeros where the buffers hold the content: a re-read would hash zeros.
        part.write(ByteBuffer.allocate(SIZE), 0);
        SegmentPlan plan = SegmentPlan.split(SIZE, 1);
        LiveSegment s = plan.first();
        PrefixHasher hasher = new PrefixHasher(part, plan, new Digests(List.of()));
        BufferRing ring = new BufferRing(SIZE / 4, 4);
        for (int at = 0; at < SIZE; at += SIZE / 4) {
            ByteBuffer buffer = ring.take(new StopSignal());
            buffer.put(content, at, SIZE / 4).flip();
            assertTrue(hasher.offer(buffer, at, ring), "bytes at " + at + " continue the prefix");
            s.advance(SIZE / 4);
        }
        hasher.finish();

        assertEquals(Fixture.sha256(content), hasher.call().sha256());
    }

    @Test
    void bytesWrittenAheadOfThePrefixAreReadFromTheFile() throws Exception {
        byte[] content = Fixture.random(SIZE, 2);
        int half = SIZE / 2;
        SegmentPlan plan = SegmentPlan.split(SIZE, 2);
        LiveSegment first = plan.first();
        LiveSegment second = plan.takePending();
        PrefixHasher hasher = new PrefixHasher(part, plan, new Digests(List.of()));
        BufferRing ring = new BufferRing(half, 2);

        // The second half arrives first: nothing before it is hashed, so it is written and left in the file.
        ByteBuffer ahead = ring.take(new StopSignal());
        part.write(ByteBuffer.wrap(content, half, half), half);
        ahead.put(content, half, half).flip();
        assertFalse(hasher.offer(ahead, half, ring));
        second.advance(half);
        // The first half continues the prefix (offset 0): handed over, while the file holds other bytes there.
        part.write(ByteBuffer.allocate(half), 0);
        ByteBuffer lead = ring.take(new StopSignal());
        lead.put(content, 0, half).flip();
        assertTrue(hasher.offer(lead, 0, ring));
        first.advance(half);
        hasher.finish();

        assertEquals(Fixture.sha256(content), hasher.call().sha256());
    }

    @Test
    void aBufferComesBackToItsConnectionOnceHashed() throws Exception {
        SegmentPlan plan = SegmentPlan.split(SIZE, 1);
        LiveSegment s = plan.first();
        PrefixHasher hasher = new PrefixHasher(part, plan, new Digests(List.of()));
        BufferRing ring = new BufferRing(SIZE, 1);
        ByteBuffer only = ring.take(new StopSignal());
        part.write(ByteBuffer.wrap(Fixture.random(SIZE, 3)), 0);
        only.put(Fixture.random(SIZE, 3)).flip();
        assertTrue(hasher.offer(only, 0, ring));
        s.advance(SIZE);
        StopSignal stopped = new StopSignal();
        stopped.raise(StopSignal.Reason.INTERRUPTED);
        // The ring's one buffer is with the hasher: a connection would wait (here: its stop signal ends the wait).
        assertThrows(TransferStopped.class, () -> ring.take(stopped));

        hasher.finish();
        hasher.call();

        assertSame(only, ring.take(stopped));
    }

    @Test
    void abandoningGivesEveryHandedBufferBack() throws Exception {
        SegmentPlan plan = SegmentPlan.split(SIZE, 1);
        PrefixHasher hasher = new PrefixHasher(part, plan, new Digests(List.of()));
        BufferRing ring = new BufferRing(SIZE / 2, 2);
        ByteBuffer a = ring.take(new StopSignal());
        ByteBuffer b = ring.take(new StopSignal());
        assertTrue(hasher.offer(a.limit(SIZE / 2), 0, ring));
        assertTrue(hasher.offer(b.limit(SIZE / 2), SIZE / 2, ring));

        hasher.abandon();

        StopSignal stopped = new StopSignal();
        stopped.raise(StopSignal.Reason.INTERRUPTED);
        ByteBuffer first = ring.take(stopped);
        ByteBuffer second = ring.take(stopped);
        assertNotSame(first, second);
        assertTrue(Arrays.asList(a, b).contains(first) && Arrays.asList(a, b).contains(second));
        assertFalse(hasher.offer(ByteBuffer.allocate(1), SIZE, ring), "an abandoned hasher takes nothing");
        assertThrows(CancellationException.class, hasher::call);
    }
}
