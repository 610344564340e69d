package org.medfetch.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.medfetch.store.postgres.PostgresStore;
import org.medfetch.store.sqlite.SqliteStore;

/**
 * The queue's state: jobs, their files, the segments of each file, and who is working on what. The file
 * on disk is the truth for how many bytes exist; a store records the facts needed to trust and continue
 * them. Two implementations keep the same schema with the same migrations in the same order: SQLite in
 * the workspace (one machine) and PostgreSQL (many machines on one queue). Nothing above the store knows
 * which one is in use. Every method is safe to call from several threads and several processes at once.
 */
public interface Store extends AutoCloseable {

    /** Opens the store at {@code address} (creating its schema, or bringing it up to date). */
    static Store open(StoreAddress address, Clock clock) {
        if (address instanceof StoreAddress.Postgres pg) {
            return PostgresStore.open(pg, clock);
        }
        return SqliteStore.open(((StoreAddress.Sqlite) address).file(), clock);
    }

    /** Opens (creating if needed) the SQLite state database {@code file}. */
    static Store open(Path file, Clock clock) {
        return SqliteStore.open(file, clock);
    }

    /** Where this store is, for messages (never with a secret). */
    String describe();

    int schemaVersion();

    /** Extraction settings of jobs and what each archive's extraction wrote. */
    ExtractionStore extractions();

    // ---- jobs --------------------------------------------------------------------------------------

    /**
     * Queues a dataset for a project. A dataset already queued keeps its files and gains the project;
     * its resolution fields are refreshed and a cancelled job becomes active again.
     */
    Job addJob(NewJob job, String project);

    Optional<Job> job(long id);

    Optional<Job> jobByDataset(String datasetId);

    /** Jobs of one project (all jobs when project is null), oldest first. */
    List<Job> jobs(String project);

    /**
     * Every job of one project (all jobs when project is null), oldest first, with its files and the bytes
     * recorded for each: a fixed number of queries, however long the queue.
     */
    List<JobFiles> jobsWithFiles(String project);

    List<String> projects();

    void setJobState(long jobId, JobState state);

    void setJobMetadata(long jobId, String metadata);

    /**
     * Takes a job out of one project; the job itself stays (another project, or the caller, decides).
     *
     * @return the projects the job still belongs to
     */
    List<String> unlinkProject(long jobId, String project);

    /** Forgets a job and its files' records (the files on disk are the caller's business). */
    void deleteJob(long jobId);

    // ---- files -------------------------------------------------------------------------------------

    /**
     * Records a file of a job. Adding a path the job already has returns the existing record, so that
     * adding a dataset twice is harmless; a path owned by another job is an error.
     */
    FileRecord addFile(long jobId, NewFile file);

    Optional<FileRecord> file(long id);

    Optional<FileRecord> fileByPath(String path);

    /** The queued torrent (not one of its files) with this info-hash, the oldest when there are several. */
    Optional<FileRecord> torrentByInfoHash(String infoHash);

    /** Every file of a job, a torrent's own files right after the torrent. */
    List<FileRecord> files(long jobId);

    List<FileRecord> children(long parentId);

    void deleteFile(long fileId);

    /** Moves a file to a new path (a name the server chose), unless that path is taken. */
    boolean setPath(long fileId, String path);

    // ---- link probes -------------------------------------------------------------------------------

    /** What a probe found at {@code url} ("page" or "file"), if it was probed. */
    Optional<String> linkKind(String url);

    void saveLinkKind(String url, String kind);

    // ---- who works on what -------------------------------------------------------------------------

    /**
     * Takes the next runnable file for {@code owner}: queued, retrying whose time has come, paused by an
     * interruption, or running under a lease that expired or whose owner {@code gone} says is dead. Two
     * workers never get the same file, whatever process or machine they run in.
     */
    default Optional<FileRecord> claim(String owner, long leaseMillis, Set<Long> skip, Predicate<String> gone) {
        return claim(owner, leaseMillis, skip, gone, null);
    }

    /**
     * Like {@link #claim(String, long, Set, Predicate)}, taking only files of these jobs ({@code jobs} null:
     * of any job): a run asked for some datasets leaves the others alone.
     */
    Optional<FileRecord> claim(String owner, long leaseMillis, Set<Long> skip, Predicate<String> gone, Set<Long> jobs);

    /** Like {@link #claim(String, long, Set, Predicate)}, trusting leases until they expire. */
    default Optional<FileRecord> claim(String owner, long leaseMillis, Set<Long> skip) {
        return claim(owner, leaseMillis, skip, o -> false);
    }

    /** Extends every lease {@code owner} holds, and its worker's; a worker that stops renewing loses its files. */
    void renewLeases(String owner, long leaseMillis);

    /** Whether a file is running or verifying under a lease that has not expired (someone works on it). */
    boolean leased(long fileId);

    /** Every file (not inside a torrent) running or verifying under a lease that has not expired. */
    List<FileRecord> leasedFiles();

    /** Announces a worker (a process working the queue) under a lease it renews with its files'. */
    void startWorker(Worker worker, long leaseMillis);

    /** The worker stopped: it no longer shows among the live ones. */
    void stopWorker(String workerId);

    /** Workers whose lease has not expired, oldest first, with what they hold and their rate now. */
    List<WorkerStatus> workers();

    // ---- state changes -----------------------------------------------------------------------------

    /** Sets a file's state (pause, resume, cancel, verifying, manual); leaves its lease to the owner. */
    void setState(long fileId, FileState state, String pauseReason);

    /** Gives a file up after work on it stopped, in the given state, and drops its lease. */
    void release(long fileId, FileState state, String pauseReason);

    /** Marks a file verified and done, with its SHA-256 and size, and counts it for its worker. */
    void finish(long fileId, String sha256, long size);

    /**
     * Records a failure: {@code RETRYING} (the next run tries again, not before {@code nextAttemptAt},
     * epoch milliseconds) or {@code FAILED}, with its kind (machine-readable) and message. The message
     * must not carry secrets.
     */
    void fail(long fileId, FileState state, String kind, String message, long nextAttemptAt);

    /**
     * Records that a claimed file waits before its next attempt (why, and until when), keeping its state and
     * lease: status shows the wait instead of a file running without error.
     */
    void waiting(long fileId, String why, long untilMillis);

    void countAttempt(long fileId);

    /** Makes failed, retrying or cancelled files runnable again now (the retry command). */
    void requeue(long fileId);

    /**
     * Replaces what a file must match (space-separated ALGO:HEX) and its published size: a manifest pins a
     * file that an earlier add queued without them.
     */
    void setExpected(long fileId, String checksums, Long expectedSize);

    // ---- resume state ------------------------------------------------------------------------------

    /** What the server said about a file: where it lives after redirects, its size and validators. */
    void saveValidators(long fileId, String finalUrl, Long size, String etag, String lastModified);

    List<Segment> segments(long fileId);

    /** Replaces a file's segment plan (a new split, or a segment divided to share its work). */
    void saveSegments(long fileId, List<Segment> segments);

    /**
     * Commits how far segments got (their data already forced to disk) and renews the owner's lease.
     * Returns the file's state now, so a worker notices a pause or cancel from another process.
     */
    FileState saveProgress(long fileId, Map<Integer, Long> doneByIndex, String owner, long leaseMillis, Long rate);

    /** Forgets all progress and validators of a file: its bytes will be fetched again from the start. */
    void resetProgress(long fileId);

    /** Bytes recorded on disk for a file: the sum of its segments' progress. */
    long bytesDone(long fileId);

    // ---- torrents ----------------------------------------------------------------------------------

    /** What the torrent's metadata says: its info-hash, total size (of the selected files) and piece count. */
    void saveTorrent(long fileId, String infoHash, Long size, Integer piecesTotal);

    void savePieces(long fileId, int piecesDone, String owner, long leaseMillis, Long rate);

    /** Where a torrent's bytes came from (JSON written by the engine), shown by status and written to manifests. */
    void saveSources(long fileId, String sources);

    FileState state(long fileId);

    // ---- the whole queue ---------------------------------------------------------------------------

    /**
     * Copies every record of this store into {@code target}, which must hold no job yet (a queue moves to
     * another store, e.g. from SQLite into PostgreSQL). Live leases are not carried over.
     *
     * @return how many jobs and files were copied
     */
    Copied copyTo(Store target);

    /** What {@link #copyTo} copied. */
    record Copied(long jobs, long files) {
    }

    @Override
    void close();
}
