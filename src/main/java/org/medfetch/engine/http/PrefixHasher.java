package org.medfetch.engine.http;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * Hashes the download while it arrives, in file order, on its own thread. A connection whose bytes
 * continue the hashed prefix hands over the very buffer it has just written to the part file
 * ({@link #offer}); the hasher gives it back once hashed, so one connection's bytes are hashed from
 * memory while the next buffer arrives, and never read again. Bytes that were written elsewhere (by
 * another connection, further on in the file, or by an earlier attempt) are read back from the part file
 * (mostly from the page cache) when the prefix written without gaps reaches them.
 */
final class PrefixHasher implements Callable<Digests.Result> {

    private static final int CHUNK = 1 << 20;
    private static final long IDLE_WAIT_MILLIS = 50;

    /** A buffer handed over: its bytes sit at {@code position} in the file. */
    private record Handed(ByteBuffer bytes, long position, BufferRing owner) {
    }

    private final PartFile part;
    private final SegmentPlan plan;
    private final Digests digests;
    /** Handed buffers not hashed yet, in file order; the first one starts at {@link #hashed}. */
    private final ArrayDeque<Handed> queue = new ArrayDeque<>();
    private ByteBuffer fileBuffer;
    private long hashed;
    /** Where the next handed buffer must start: the end of the hashed and queued bytes. */
    private long frontier;
    private boolean finished;
    private boolean abandoned;

    PrefixHasher(PartFile part, SegmentPlan plan, Digests digests) {
        this.part = part;
        this.plan = plan;
        this.digests = digests;
    }

    /**
     * {@code bytes} (position to limit) were just written at {@code position}, and not yet counted as
     * written in the plan. Takes the buffer when they continue the prefix (it goes back to {@code owner}
     * once hashed); otherwise they will be read from the file, and the caller keeps the buffer.
     */
    synchronized boolean offer(ByteBuffer bytes, long position, BufferRing owner) {
        if (abandoned || position != frontier) {
            return false;
        }
        queue.add(new Handed(bytes, position, owner));
        frontier += bytes.remaining();
        notifyAll();
        return true;
    }

    /** More bytes were written: the prefix may have grown. */
    synchronized void poke() {
        notifyAll();
    }

    /** Every byte is written: hash up to the end, then return. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /** The download failed or stopped: return without a result, and give every buffer back. */
    synchronized void abandon() {
        abandoned = true;
        for (Handed h : queue) {
            h.owner().release(h.bytes());
        }
        queue.clear();
        notifyAll();
    }

    @Override
    public Digests.Result call() throws TransferException, InterruptedException {
        while (true) {
            Handed next;
            long fileEnd = 0;
            synchronized (this) {
                while (true) {
                    if (abandoned) {
                        throw new CancellationException("hashing abandoned");
                    }
                    // Read before the prefix: once every byte is written, the prefix read after it is final.
                    boolean allWritten = finished;
                    // Handed bytes start at the hashed end; bytes nobody handed over come from the file.
                    next = queue.peek();
                    long prefix = plan.prefix();
                    if (next == null && prefix > hashed) {
                        fileEnd = Math.min(prefix, hashed + CHUNK);
                    }
                    if (next != null || fileEnd > 0) {
                        break;
                    }
                    if (allWritten) {
                        return digests.finish();
                    }
                    wait(IDLE_WAIT_MILLIS);
                }
            }
            if (next != null) {
                digests.update(next.bytes());
                synchronized (this) {
                    if (queue.peek() == next) {
                        queue.poll();
                        hashed += next.bytes().remaining();
                        next.owner().release(next.bytes());
                    }
                }
            } else {
                hashFile(fileEnd);
            }
        }
    }

    /** Hashes the part file from the hashed end up to {@code end} (bytes on disk that nobody handed over). */
    private void hashFile(long end) throws TransferException {
        if (fileBuffer == null) {
            fileBuffer = ByteBuffer.allocateDirect(CHUNK);
        }
        long from;
        synchronized (this) {
            from = hashed;
        }
        int n = (int) (end - from);
        if (part.read(fileBuffer.clear().limit(n), from) != n) {
            throw new TransferException(Kind.IO, false, part.path() + " is shorter than the bytes written to it");
        }
        digests.update(fileBuffer.flip());
        synchronized (this) {
            hashed += n;
            frontier = Math.max(frontier, hashed);
        }
    }
}
