package org.medfetch.engine;

import java.util.List;
import java.util.Map;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.NewFile;
import org.medfetch.store.Segment;
import org.medfetch.store.Store;

/**
 * A transfer's view of its file's record: what a previous attempt left, and where this attempt records
 * its progress. Progress must only be recorded for bytes already forced to disk.
 */
public final class Checkpoints {

    private final Store store;
    private final long fileId;
    private final String owner;
    private final long leaseMillis;
    private final StopSignal stop;
    private final Map<Integer, Long> lastDone = new java.util.HashMap<>();
    private long lastNanos;
    private long lastTotal;

    /**
     * @param owner       the lease owner (this process)
     * @param leaseMillis how long each recorded batch extends the lease
     * @param stop        raised here when the file is paused or cancelled by someone else
     */
    public Checkpoints(Store store, long fileId, String owner, long leaseMillis, StopSignal stop) {
        this.store = store;
        this.fileId = fileId;
        this.owner = owner;
        this.leaseMillis = leaseMillis;
        this.stop = stop;
    }

    /** The file's record as stored now. */
    public FileRecord record() {
        return store.file(fileId).orElseThrow(() -> new IllegalStateException("file " + fileId + " vanished"));
    }

    public List<Segment> segments() {
        return store.segments(fileId);
    }

    /** Where the request ended after redirects (without its query), the size, ETag and Last-Modified. */
    public void saveValidators(String finalUrl, Long size, String etag, String lastModified) {
        store.saveValidators(fileId, finalUrl, size, etag, lastModified);
    }

    /** A new segment plan: the first split, or a segment divided so an idle connection can help. */
    public void saveSegments(List<Segment> segments) {
        store.saveSegments(fileId, segments);
    }

    /**
     * Records how far segments got; their bytes must already be forced to disk. Raises the stop signal
     * (and throws) when the file was paused or cancelled meanwhile.
     */
    public void saveProgress(Map<Integer, Long> doneByIndex) throws TransferStopped {
        synchronized (this) {
            lastDone.putAll(doneByIndex);
        }
        FileState now = store.saveProgress(fileId, doneByIndex, owner, leaseMillis,
                rate(lastDone.values().stream().mapToLong(Long::longValue).sum()));
        observe(now);
        stop.check();
    }

    /**
     * Bytes per second since the previous recorded progress, for status; null for the first record (a
     * resume starts from bytes fetched long ago).
     */
    private synchronized Long rate(long total) {
        long nowNanos = System.nanoTime();
        Long rate = null;
        if (lastNanos != 0 && nowNanos > lastNanos && total >= lastTotal) {
            rate = (total - lastTotal) * 1_000_000_000L / (nowNanos - lastNanos);
        }
        lastNanos = nowNanos;
        lastTotal = total;
        return rate;
    }

    /** Forget all progress and validators: the bytes will be fetched again from the start. */
    public void reset() {
        store.resetProgress(fileId);
    }

    /** Adopt a server-chosen relative path (under downloads/); false when another file already has it. */
    public boolean rename(String workspaceRelativePath) {
        return store.setPath(fileId, workspaceRelativePath);
    }

    public void verifying() {
        store.setState(fileId, FileState.VERIFYING, null);
    }

    // ---- torrents ----------------------------------------------------------------------------------

    public void saveTorrent(String infoHash, Long size, Integer piecesTotal) {
        store.saveTorrent(fileId, infoHash, size, piecesTotal);
    }

    /** Records pieces done; raises the stop signal when the torrent was paused or cancelled meanwhile. */
    public void savePieces(int piecesDone) throws TransferStopped {
        FileRecord self = record();
        long bytes = self.size() == null || self.piecesTotal() == null || self.piecesTotal() == 0 ? 0
                : self.size() * piecesDone / self.piecesTotal();
        store.savePieces(fileId, piecesDone, owner, leaseMillis, rate(bytes));
        observe(store.state(fileId));
        stop.check();
    }

    /** Where the torrent's bytes came from so far (peers, web seeds). */
    public void saveSources(TorrentSources sources) {
        store.saveSources(fileId, sources.toJson());
    }

    /** Records one file inside a torrent (once its metadata is known); harmless if already recorded. */
    public FileRecord addTorrentFile(String workspaceRelativePath, long size) {
        FileRecord self = record();
        return store.addFile(self.jobId(), new NewFile("torrent-file", self.url(), workspaceRelativePath, size, null,
                null, fileId));
    }

    public List<FileRecord> torrentFiles() {
        return store.children(fileId);
    }

    public void finishTorrentFile(long childId, String sha256, long size) {
        store.finish(childId, sha256, size);
    }

    public void forgetTorrentFile(long childId) {
        store.deleteFile(childId);
    }

    private void observe(FileState now) {
        if (now == FileState.PAUSED) {
            stop.raise(StopSignal.Reason.PAUSED);
        } else if (now == FileState.CANCELLED) {
            stop.raise(StopSignal.Reason.CANCELLED);
        }
    }
}
