package org.medfetch.engine.http;

import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * Hashes the download while it arrives: follows the prefix written without gaps from offset 0, reading
 * it back from the part file (mostly from the page cache) on its own thread, so that when the last
 * byte lands only the tail is left to hash. On resume it starts by re-reading what is already on disk.
 */
final class PrefixHasher implements Callable<Digests.Result> {

    private static final int CHUNK = 1 << 20;
    private static final long IDLE_WAIT_MILLIS = 50;

    private final PartFile part;
    private final SegmentPlan plan;
    private final Digests digests;
    /** Direct, so a read is one copy from the page cache; a heap buffer would take a second one. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
    private final Object signal = new Object();
    private boolean poked;
    private volatile boolean finished;
    private volatile boolean abandoned;

    PrefixHasher(PartFile part, SegmentPlan plan, Digests digests) {
        this.part = part;
        this.plan = plan;
        this.digests = digests;
    }

    /** More bytes were written: the prefix may have grown. */
    void poke() {
        synchronized (signal) {
            poked = true;
            signal.notifyAll();
        }
    }

    /** Every byte is written: hash up to the end, then return. */
    void finish() {
        finished = true;
        poke();
    }

    /** The download failed or stopped: return without a result. */
    void abandon() {
        abandoned = true;
        poke();
    }

    @Override
    public Digests.Result call() throws TransferException, InterruptedException {
        long hashed = 0;
        while (!abandoned) {
            // Read before the prefix: once every byte is written, the prefix read after it is final.
            boolean allWritten = finished;
            long prefix = plan.prefix();
            if (prefix > hashed) {
                int n = (int) Math.min(CHUNK, prefix - hashed);
                if (part.read(buffer.clear().limit(n), hashed) != n) {
                    throw new TransferException(Kind.IO, false, part.path() + " is shorter than the bytes written to it");
                }
                digests.update(buffer.flip());
                hashed += n;
                continue;
            }
            if (allWritten) {
                return digests.finish();
            }
            synchronized (signal) {
                if (!poked) {
                    signal.wait(IDLE_WAIT_MILLIS);
                }
                poked = false;
            }
        }
        throw new CancellationException("hashing abandoned");
    }
}
