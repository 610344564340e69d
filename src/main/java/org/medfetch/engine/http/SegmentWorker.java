package org.medfetch.engine.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okio.BufferedSource;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.engine.TransferStopped;

/**
 * One connection of a download: fetches its segment into the part file at the segment's offsets, then
 * takes a segment nobody works on or splits the largest one left, until there is nothing worth taking.
 * Every answer is checked before a byte of it is written, so bytes of two versions are never spliced.
 */
final class SegmentWorker implements Callable<Void> {

    /** Bytes before the resume point fetched again and compared when the server gives nothing for If-Range. */
    static final long OVERLAP = 64 * 1024;

    private final Download d;
    private final BufferRing buffers;
    private LiveSegment segment;
    private Reply reply;
    /** The current answer's body from the socket's channel, or null to read it through okhttp. */
    private DirectBody direct;

    /**
     * @param segment the segment to start with, or null to take one
     * @param reply   an open answer for that segment (the first request's), or null
     */
    SegmentWorker(Download download, LiveSegment segment, Reply reply, BufferRing buffers) {
        this.d = download;
        this.segment = segment;
        this.reply = reply;
        this.buffers = buffers;
    }

    @Override
    public Void call() throws TransferException, TransferStopped, RemoteChanged {
        try {
            for (LiveSegment s = segment != null ? segment : next(); s != null; s = next()) {
                fetch(s);
            }
            return null;
        } finally {
            dropReply();
        }
    }

    private LiveSegment next() {
        LiveSegment s = d.plan.takePending();
        if (s == null && d.ranges) {
            s = d.plan.steal(d.options.minSegmentBytes());
            if (s != null) {
                d.journal.savePlan();
            }
        }
        return s;
    }

    private void fetch(LiveSegment s) throws TransferException, TransferStopped, RemoteChanged {
        boolean compare = d.resuming && !d.validators.tiesRanges() && s.written() > s.start;
        while (!s.complete()) {
            if (reply == null) {
                long overlap = compare ? Math.min(OVERLAP, s.written() - s.start) : 0;
                open(s, overlap);
                compare = false;
                direct = direct(overlap);
            } else if (direct == null) {
                direct = direct(0); // the first request's answer, handed over unread
            }
            HttpUrl url = reply.url();
            long got = pump(s);
            if (reply.end() >= 0 && s.written() < reply.end()) {
                dropReply(); // the answer runs past the segment (the first one, or a split one): do not drain it
            } else {
                reply.close();
                reply = null;
                direct = null;
            }
            if (got == 0 && !s.complete()) {
                throw new TransferException(Kind.NETWORK, true, "the server sent no bytes for " + s + " of "
                        + HttpFailures.display(url));
            }
        }
    }

    /** Requests the rest of the segment (plus {@code overlap} bytes before it to compare) and checks the answer. */
    private void open(LiveSegment s, long overlap) throws TransferException, TransferStopped, RemoteChanged {
        d.stop.check();
        long from = s.written() - overlap;
        reply = d.requester.get(from, s.end() < 0 ? -1 : s.end() - 1, d.validators.ifRange());
        int code = reply.code();
        if (code == 200) {
            throw new RemoteChanged("the server answered a range request with the whole file "
                    + "(the file changed, or the server no longer honours ranges)");
        }
        if (code == 416) {
            throw new RemoteChanged("the server refused the range (416): the file shrank or changed");
        }
        if (code != 206) {
            throw HttpFailures.status(reply.response(), Instant.now());
        }
        ContentRange range = reply.contentRange();
        if (range == null || range.first() != from) {
            throw new RemoteChanged("asked for bytes from " + from + ", the server sent "
                    + reply.header("Content-Range"));
        }
        long size = d.plan.size();
        if (size >= 0 && range.total() >= 0 && range.total() != size) {
            throw new RemoteChanged("the file's size changed from " + size + " to " + range.total() + " bytes");
        }
        if (d.validators.changedIn(reply.validators())) {
            throw new RemoteChanged("the file's ETag or Last-Modified changed");
        }
        if (reply.contentLength() >= 0 && reply.contentLength() != range.length()) {
            throw new TransferException(Kind.SIZE_MISMATCH, false, "the server announced " + range + " but "
                    + reply.contentLength() + " bytes of body");
        }
        if (overlap > 0) {
            compareOverlap(from, (int) overlap);
        }
    }

    /** Reads the re-fetched bytes before the resume point and compares them with those on disk. */
    private void compareOverlap(long from, int length) throws TransferException, TransferStopped, RemoteChanged {
        ByteBuffer remote = ByteBuffer.allocate(length);
        if (fill(remote) != null || remote.hasRemaining()) {
            d.stop.check();
            throw new TransferException(Kind.NETWORK, true, "the connection broke while re-reading bytes from "
                    + from + " of " + HttpFailures.display(reply.url()));
        }
        ByteBuffer local = ByteBuffer.allocate(length);
        d.part.read(local, from);
        if (!remote.flip().equals(local.flip())) {
            throw new RemoteChanged("the bytes before the resume point differ from those on disk (the server "
                    + "gives no ETag or Last-Modified to tell a change)");
        }
    }

    /** The rest of the answer's body from the socket's channel when it is large, else null (okhttp's path). */
    private DirectBody direct(long consumed) throws TransferException {
        try {
            return reply.direct(consumed, Math.max(1, d.options.minSegmentBytes()));
        } catch (IOException e) {
            throw HttpFailures.network(e, reply.url());
        }
    }

    /** Copies the answer's body into the segment until the segment's end (which a split may move) or the body's. */
    private long pump(LiveSegment s) throws TransferException, TransferStopped {
        long total = 0;
        while (true) {
            d.stop.check();
            ByteBuffer buffer = buffers.take(d.stop);
            int allowed = d.plan.claim(s, buffer.capacity());
            if (allowed == 0) {
                buffers.release(buffer);
                return total;
            }
            buffer.limit(allowed);
            IOException broken = fill(buffer);
            boolean ended = broken == null && buffer.hasRemaining();
            buffer.flip();
            int n = buffer.remaining();
            if (n > 0) {
                store(s, buffer);
            } else {
                buffers.release(buffer);
            }
            total += n;
            if (broken != null || ended) {
                d.plan.unclaim(s);
            }
            if (broken != null) {
                d.stop.check();
                throw HttpFailures.network(broken, reply.url());
            }
            if (ended) {
                d.plan.ended(s);
                return total;
            }
        }
    }

    /** Reads until the buffer is full or the body ends; the failure, if the connection broke. */
    private IOException fill(ByteBuffer into) {
        BufferedSource body = direct == null ? reply.body() : null;
        try {
            while (into.hasRemaining()) {
                if ((direct != null ? direct.read(into) : body.read(into)) < 0) {
                    break;
                }
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /**
     * Writes the buffer at the segment's position, then lets the journal, hasher and display know. The
     * hasher may take the buffer itself (before the bytes count as written, so that it never reads them
     * back from the file); otherwise it goes back to this connection's free buffers.
     */
    private void store(LiveSegment s, ByteBuffer buffer) throws TransferException, TransferStopped {
        int n = buffer.remaining();
        try {
            d.journal.admit(s, n);
            d.options.rate().acquire(n);
            d.part.write(buffer, s.written());
        } catch (InterruptedException e) {
            buffers.release(buffer);
            Thread.currentThread().interrupt();
            throw new TransferStopped(StopSignal.Reason.INTERRUPTED);
        } catch (TransferException | RuntimeException e) {
            buffers.release(buffer);
            throw e;
        }
        if (!d.hasher.offer(buffer.flip(), s.written(), buffers)) {
            buffers.release(buffer);
        }
        s.advance(n);
        d.progress.advanced(d.fileId, n);
        d.hasher.poke();
        d.journal.wrote(s);
        if (s.end() < 0 && d.publishedSize != null && s.written() > d.publishedSize) {
            throw new TransferException(Kind.SIZE_MISMATCH, false, "the server sent more than the "
                    + d.publishedSize + " bytes the repository announced");
        }
    }

    /**
     * Closes an answer whose body is not read to its end by cancelling its call first: okhttp would
     * otherwise read and discard the rest for up to 100 ms, hoping to reuse the connection.
     */
    private void dropReply() {
        if (reply != null) {
            reply.cancel();
            reply.close();
            reply = null;
        }
        direct = null;
    }
}
