package org.medfetch.engine.torrent;

import bt.metainfo.Torrent;
import bt.metainfo.TorrentFile;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.medfetch.engine.RateLimiter;
import org.medfetch.engine.RetryPolicy;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.http.HttpRanges;

/**
 * Fetches a torrent's pieces from its web seeds (BEP 19) over medfetch's HTTP client, beside bt's peers:
 * each worker takes a run of consecutive pieces nobody has, reads them with one range request per file
 * they touch, checks each piece's SHA-1 against the torrent before anything is written, writes it into
 * the files bt writes and tells bt the piece is there. A piece that fails its check is never written; it
 * goes back to the peers and the other seeds.
 */
final class WebSeeds implements AutoCloseable {

    /** What bt knows of the torrent's pieces. */
    interface PieceBook {
        /** Selected and not verified yet. */
        boolean needed(int piece);

        /** Whether any selected piece is still missing. */
        boolean anyNeeded();

        /** The piece is verified on disk: bt counts it and serves it to peers. */
        void verified(int piece);
    }

    /** A request covers at most this much: long enough to stream, short enough to share pieces with peers. */
    static final long RUN_BYTES = 8L << 20;
    /** Piece buffers of all workers together stay under this (large pieces mean fewer workers). */
    static final long BUFFER_BUDGET = 64L << 20;

    private final List<WebSeed> seeds;
    private final Torrent torrent;
    private final PieceSpans spans;
    private final PieceClaims claims;
    private final GuardedStorage storage;
    private final HttpRanges http;
    private final Duration timeout;
    private final RateLimiter rate;
    private final RetryPolicy retry;
    private final int workersPerSeed;
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<HttpRanges.Body> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger piecesVerified = new AtomicInteger();
    private final Consumer<String> notices;
    private volatile boolean stopping;

    /**
     * @param connections requests at once per seed (fewer when pieces are large)
     * @param notices     hears why a seed was dropped, once per seed
     */
    WebSeeds(List<String> urls, Torrent torrent, PieceClaims claims, GuardedStorage storage, HttpRanges http,
             Duration timeout, RateLimiter rate, RetryPolicy retry, int connections, Consumer<String> notices) {
        this.seeds = urls.stream().distinct().map(url -> new WebSeed(url, torrent)).toList();
        this.torrent = torrent;
        this.spans = new PieceSpans(torrent);
        this.claims = claims;
        this.storage = storage;
        this.http = http;
        this.timeout = timeout;
        this.rate = rate;
        this.retry = retry;
        long byBudget = BUFFER_BUDGET / Math.max(1, seeds.size()) / Math.max(1, torrent.getChunkSize());
        this.workersPerSeed = (int) Math.max(1, Math.min(connections, byBudget));
        this.notices = notices;
        torrent.getChunkHashes().forEach(hashes::add);
    }

    List<WebSeed> seeds() {
        return seeds;
    }

    boolean isEmpty() {
        return seeds.isEmpty();
    }

    /** Every seed was dropped (there were some). */
    boolean allDropped() {
        return !seeds.isEmpty() && seeds.stream().allMatch(WebSeed::dropped);
    }

    /** Pieces the web seeds verified in this attempt. */
    int piecesVerified() {
        return piecesVerified.get();
    }

    /** Starts the workers; call once bt has checked the data already on disk. */
    void start(PieceBook book) {
        for (WebSeed seed : seeds) {
            AtomicInteger cursor = new AtomicInteger();
            BitSet bad = new BitSet();
            for (int i = 0; i < workersPerSeed; i++) {
                Thread t = new Thread(() -> work(seed, book, cursor, bad), "medfetch-webseed-" + threads.size());
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }
    }

    /** Stops every worker (an open request is cut) and waits for them to end. */
    @Override
    public void close() {
        stopping = true;
        open.forEach(HttpRanges.Body::close);
        for (Thread t : threads) {
            try {
                t.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work(WebSeed seed, PieceBook book, AtomicInteger cursor, BitSet bad) {
        MessageDigest sha1 = sha1();
        byte[] buffer = new byte[(int) torrent.getChunkSize()];
        int failures = 0;
        while (!stopping && !seed.dropped()) {
            int[] run = take(book, seed, cursor, bad);
            if (run.length == 0) {
                if (!book.anyNeeded()) {
                    return;
                }
                pause(Duration.ofMillis(250)); // every missing piece is on its way: one may come back
                continue;
            }
            try {
                fetch(seed, run, book, sha1, buffer, bad);
                failures = 0;
            } catch (MissingFile missing) {
                lacks(seed, missing.file, bad);
            } catch (TransferException e) {
                if (stopping) {
                    return;
                }
                failures++;
                if (!e.retryable() || failures > retry.attempts()) {
                    drop(seed, "web seed " + seed.shown() + " is no longer used: " + e.getMessage());
                } else {
                    pause(retry.delay(failures, e.retryAfter()));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes a run of consecutive needed pieces no one else has, starting at the seed's cursor; empty when none. */
    private int[] take(PieceBook book, WebSeed seed, AtomicInteger cursor, BitSet bad) {
        int total = spans.pieces();
        int from = Math.floorMod(cursor.get(), Math.max(1, total));
        for (int n = 0; n < total; n++) {
            int first = (from + n) % total;
            if (!wanted(book, seed, bad, first) || !claims.take(first)) {
                continue;
            }
            int[] run = new int[(int) Math.max(1, RUN_BYTES / torrent.getChunkSize())];
            int count = 0;
            run[count++] = first;
            for (int p = first + 1; p < total && count < run.length && wanted(book, seed, bad, p) && claims.take(p); p++) {
                run[count++] = p;
            }
            cursor.set(run[count - 1] + 1);
            return Arrays.copyOf(run, count);
        }
        return new int[0];
    }

    private boolean wanted(PieceBook book, WebSeed seed, BitSet bad, int piece) {
        synchronized (bad) {
            if (bad.get(piece)) {
                return false;
            }
        }
        return book.needed(piece);
    }

    /**
     * Reads the run's pieces in order, each file's part of it with one range request, and keeps each piece
     * that passes its check. Pieces not kept (failed, or after an error) go back to everyone.
     */
    private void fetch(WebSeed seed, int[] run, PieceBook book, MessageDigest sha1, byte[] buffer, BitSet bad)
            throws TransferException, InterruptedException, MissingFile {
        RunReader reader = new RunReader(seed, run);
        int i = 0;
        try {
            for (; i < run.length && !stopping; i++) {
                int piece = run[i];
                int length = spans.length(piece);
                rate.acquire(length);
                reader.read(piece, buffer);
                sha1.reset();
                sha1.update(buffer, 0, length);
                if (!MessageDigest.isEqual(sha1.digest(), hashes.get(piece))) {
                    claims.release(piece);
                    synchronized (bad) {
                        bad.set(piece);
                    }
                    if (seed.badPiece(piece, files(piece))) {
                        notices.accept(seed.droppedBecause());
                        i++;
                        return;
                    }
                    continue;
                }
                write(piece, buffer);
                book.verified(piece);
                seed.sent(length);
                piecesVerified.incrementAndGet();
            }
        } finally {
            reader.close();
            for (; i < run.length; i++) {
                claims.release(run[i]);
            }
        }
    }

    /** A seed without one of the files (a mirror of part of a torrent): that file's pieces come from elsewhere. */
    private void lacks(WebSeed seed, TorrentFile file, BitSet bad) {
        synchronized (bad) {
            for (int p = 0; p < spans.pieces(); p++) {
                if (spans.of(p).stream().anyMatch(s -> s.file() == file)) {
                    bad.set(p);
                }
            }
        }
        notices.accept("web seed " + seed.shown() + " has no " + String.join("/", file.getPathElements())
                + " (not found): its pieces come from peers or other seeds");
    }

    /** The seed answered 404 or 410 for one of the torrent's files. */
    private static final class MissingFile extends Exception {
        final transient TorrentFile file;

        MissingFile(TorrentFile file) {
            super(null, null, false, false);
            this.file = file;
        }
    }

    /** The files a piece holds bytes of, as shown in messages. */
    private String files(int piece) {
        if (torrent.getFiles().size() == 1) {
            return torrent.getName();
        }
        return String.join(" and ", spans.of(piece).stream()
                .map(s -> String.join("/", s.file().getPathElements())).toList());
    }

    private void write(int piece, byte[] buffer) {
        synchronized (claims.lock(piece)) {
            int at = 0;
            for (PieceSpans.Span span : spans.of(piece)) {
                storage.write(torrent, span.file(), ByteBuffer.wrap(buffer, at, span.length()), span.offset());
                at += span.length();
            }
        }
    }

    private void drop(WebSeed seed, String reason) {
        if (!seed.dropped()) {
            seed.drop(reason);
            notices.accept(reason);
        }
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    /** The bytes of a run of pieces, file by file: one range request per file the run touches, opened when reached. */
    private final class RunReader {

        private final WebSeed seed;
        private final List<PieceSpans.Span> segments = new ArrayList<>();
        private int next;
        private HttpRanges.Body body;

        RunReader(WebSeed seed, int[] run) {
            this.seed = seed;
            for (int piece : run) {
                for (PieceSpans.Span span : spans.of(piece)) {
                    PieceSpans.Span last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                    if (last != null && last.file() == span.file() && last.offset() + last.length() == span.offset()
                            && (long) last.length() + span.length() <= Integer.MAX_VALUE) {
                        segments.set(segments.size() - 1, new PieceSpans.Span(last.file(), last.offset(),
                                last.length() + span.length()));
                    } else {
                        segments.add(span);
                    }
                }
            }
        }

        /** Fills {@code buffer} with the piece's bytes (the run's next piece). */
        void read(int piece, byte[] buffer) throws TransferException, MissingFile {
            int at = 0;
            for (PieceSpans.Span span : spans.of(piece)) {
                int left = span.length();
                while (left > 0) {
                    if (body == null || body.remaining() == 0) {
                        open();
                    }
                    int n = (int) Math.min(left, body.remaining());
                    body.readFully(buffer, at, n);
                    at += n;
                    left -= n;
                }
            }
        }

        private void open() throws TransferException, MissingFile {
            close();
            if (stopping) {
                throw new TransferException(TransferException.Kind.IO, true, "stopped");
            }
            PieceSpans.Span segment = segments.get(next++);
            try {
                body = http.range(seed.url(segment.file()), segment.offset(),
                        segment.offset() + segment.length() - 1, timeout);
            } catch (TransferException e) {
                if (HttpRanges.notFound(e)) {
                    throw new MissingFile(segment.file());
                }
                throw e;
            }
            open.add(body);
        }

        void close() {
            if (body != null) {
                open.remove(body);
                body.close();
                body = null;
            }
        }
    }
}
