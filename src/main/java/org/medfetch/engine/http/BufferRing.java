package org.medfetch.engine.http;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferStopped;

/**
 * The buffers of one connection. A buffer whose bytes the hasher takes ({@link PrefixHasher#offer}) comes
 * back once hashed; meanwhile the connection reads into another, so receiving and hashing overlap. At most
 * {@code max} buffers exist, made on first need: a connection the hasher never takes from keeps one, and
 * one that outruns the hasher waits for a buffer to come back.
 */
final class BufferRing {

    private static final long WAIT_MILLIS = 100;

    private final int size;
    private final int max;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private int made;

    BufferRing(int size, int max) {
        this.size = size;
        this.max = max;
    }

    /** A free buffer, cleared; waits while all of them are with the hasher. */
    synchronized ByteBuffer take(StopSignal stop) throws TransferStopped {
        while (free.isEmpty()) {
            if (made < max) {
                made++;
                // Direct: the socket reads into it and the part file is written from it without a copy.
                return ByteBuffer.allocateDirect(size);
            }
            stop.check();
            try {
                wait(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferStopped(StopSignal.Reason.INTERRUPTED);
            }
        }
        return free.pop().clear();
    }

    /** A buffer is free again. */
    synchronized void release(ByteBuffer buffer) {
        free.push(buffer);
        notifyAll();
    }

    int size() {
        return size;
    }
}
