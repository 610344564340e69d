package org.medfetch.engine.torrent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medfetch.engine.Checkpoints;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;

/**
 * Records each selected file of a torrent once all its pieces passed bt's hash check: its SHA-256 (so
 * {@code verify} can re-hash it later like any file) and its size. Files are hashed one at a time on a
 * thread of their own as bt reports them, so bt's threads never wait for it.
 */
final class FinishedFiles implements AutoCloseable {

    private final Checkpoints checkpoints;
    /** The store's row of each selected file, by absolute path. */
    private final Map<Path, FileRecord> rows;
    private final Map<Path, Future<CompletedFile>> hashing = new ConcurrentHashMap<>();
    private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "medfetch-torrent-sha256");
        t.setDaemon(true);
        return t;
    });

    FinishedFiles(Checkpoints checkpoints, Map<Path, FileRecord> rows) {
        this.checkpoints = checkpoints;
        this.rows = Map.copyOf(rows);
    }

    /** bt says every piece of this file is verified (skipped files are ignored). */
    void completed(Path file) {
        if (rows.containsKey(file)) {
            hashing.computeIfAbsent(file, f -> hasher.submit(() -> record(f)));
        }
    }

    /** Waits for the files under way and records the rest: call once every selected piece is verified. */
    List<CompletedFile> all() throws TransferException {
        rows.keySet().forEach(this::completed);
        List<CompletedFile> done = new ArrayList<>();
        for (Path file : rows.keySet()) {
            try {
                done.add(hashing.get(file).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferException(Kind.IO, true, "interrupted while hashing " + file);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new TransferException(Kind.IO, true, "cannot hash " + file + ": " + e.getCause().getMessage(),
                        null, e.getCause());
            }
        }
        done.sort(java.util.Comparator.comparing(CompletedFile::path));
        return done;
    }

    /**
     * Waits for the files already under way to be recorded: a torrent that fails still records the files
     * whose every piece passed its check.
     */
    void settle() {
        for (Future<CompletedFile> file : hashing.values()) {
            try {
                file.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // this file is hashed again by the next attempt
            }
        }
    }

    @Override
    public void close() {
        hasher.shutdownNow();
    }

    private CompletedFile record(Path file) throws IOException {
        FileRecord row = rows.get(file);
        // recorded by an earlier attempt: this run's piece check has just confirmed the same bytes
        if (row.state() == FileState.DONE && row.sha256() != null && row.size() != null) {
            return new CompletedFile(file, row.size(), row.sha256());
        }
        CompletedFile hashed = sha256(file);
        checkpoints.finishTorrentFile(row.id(), hashed.sha256(), hashed.size());
        return hashed;
    }

    /** Hashes a file, and forces it to disk first, since it is recorded as done right after. */
    static CompletedFile sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer)) {
                buffer.flip();
                size += buffer.remaining();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return new CompletedFile(file, size, HexFormat.of().formatHex(digest.digest()));
    }
}
