package org.medfetch.engine.http;

/**
 * One byte range of a running download, fetched over one connection. Positions are absolute offsets
 * in the file: {@code [start, written)} is on disk (maybe not yet forced), {@code [start, committed)}
 * is forced and recorded, {@code [written, claimed)} is being read into a worker's buffer right now.
 * The owning worker alone advances {@code written}; the plan's lock guards {@code end}, {@code claimed}
 * and {@code assigned}, because work stealing moves {@code end}.
 */
final class LiveSegment {

    final int index;
    final long start;
    private volatile long end;
    private volatile long written;
    private volatile long committed;
    long claimed;
    boolean assigned;

    /** @param end exclusive end, or -1 while the size is unknown (one stream read to its end) */
    LiveSegment(int index, long start, long end, long done) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.written = start + done;
        this.committed = start + done;
        this.claimed = start + done;
    }

    long end() {
        return end;
    }

    void end(long newEnd) {
        end = newEnd;
    }

    long written() {
        return written;
    }

    void advance(long bytes) {
        written += bytes;
    }

    long committed() {
        return committed;
    }

    void committed(long position) {
        committed = position;
    }

    boolean complete() {
        long e = end;
        return e >= 0 && written >= e;
    }

    /** Bytes written but not yet recorded: what a crash now would cost this segment. */
    long pending() {
        return written - committed;
    }

    @Override
    public String toString() {
        return "segment " + index + " [" + start + ", " + (end < 0 ? "?" : Long.toString(end)) + ") at " + written;
    }
}
