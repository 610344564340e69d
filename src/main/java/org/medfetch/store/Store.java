package org.medfetch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workspace's state in SQLite (WAL mode): jobs, their files, the segments of each file, and who is
 * working on what. The file on disk is the truth for how many bytes exist; this records the facts
 * needed to trust and continue them. Methods are synchronized: one connection serves all threads of a
 * process, and SQLite's own locking (with a busy timeout) orders the processes.
 */
public final class Store implements AutoCloseable {

    private static final Set<FileState> CLAIMABLE = Set.of(FileState.QUEUED, FileState.RETRYING);
    /** Primary result code of SQLite for "database or disk is full" (https://sqlite.org/rescode.html#full). */
    private static final int SQLITE_FULL = 13;

    private final Connection connection;
    private final Sql sql;
    private final Clock clock;

    private final ExtractionStore extractions;

    private Store(Connection connection, Clock clock) {
        this.connection = connection;
        this.sql = new Sql(connection);
        this.clock = clock;
        this.extractions = new ExtractionStore(this, sql);
    }

    /** Extraction settings of jobs and what each archive's extraction wrote. */
    public ExtractionStore extractions() {
        return extractions;
    }

    /** Opens (creating if needed) the database and brings its schema up to date. */
    public static Store open(Path file, Clock clock) {
        return open(file, clock, 0);
    }

    /**
     * Like {@link #open(Path, Clock)}, with the database limited to {@code maxPages} pages (0: no limit) on
     * this connection: what tests use to meet a full disk (SQLite answers SQLITE_FULL as it would then).
     */
    static Store open(Path file, Clock clock, long maxPages) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            NativeLibrary.prepare();
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 15000");
                s.execute("PRAGMA journal_mode = WAL");
                // Data is forced to disk before its progress is recorded, so losing the last commits on
                // power loss only means fetching a little again; NORMAL keeps commits cheap.
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                if (maxPages > 0) {
                    s.execute("PRAGMA max_page_count = " + maxPages);
                }
            }
            Migrations.apply(c);
            return new Store(c, clock);
        } catch (SQLException e) {
            throw failure("cannot open the state database " + file, e);
        } catch (IOException e) {
            throw new StoreException("cannot open the state database " + file + ": " + e.getMessage(), e);
        }
    }

    /** SQL statements this store has prepared (for tests that bound the queries of an operation). */
    synchronized long statementsRun() {
        return sql.statements();
    }

    public synchronized int schemaVersion() {
        return call(() -> Migrations.version(connection));
    }

    // ---- jobs --------------------------------------------------------------------------------------

    /**
     * Queues a dataset for a project. A dataset already queued keeps its files and gains the project;
     * its resolution fields are refreshed and a cancelled job becomes active again.
     */
    public synchronized Job addJob(NewJob job, String project) {
        return call(() -> sql.transaction(() -> {
            String now = clock.instant().toString();
            Optional<Long> existing = sql.one("SELECT id FROM jobs WHERE dataset_id = ?", rs -> rs.getLong(1),
                    job.datasetId());
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                sql.update("UPDATE jobs SET name=?, target=?, link=?, resolver=?, link_class=?, source=?, source_link=?, "
                        + "state=?, instructions=?, options=?, metadata=COALESCE(?, metadata), updated_at=? WHERE id=?",
                        job.name(), job.target(), job.link(), job.resolver(), job.linkClass(), job.source(),
                        job.sourceLink(), job.state().label(), job.instructions(), job.options(), job.metadata(), now, id);
            } else {
                id = sql.insert("INSERT INTO jobs (dataset_id, name, target, link, resolver, link_class, source, "
                        + "source_link, state, instructions, options, metadata, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", job.datasetId(), job.name(), job.target(), job.link(),
                        job.resolver(), job.linkClass(), job.source(), job.sourceLink(), job.state().label(),
                        job.instructions(), job.options(), job.metadata(), now, now);
            }
            sql.update("INSERT OR IGNORE INTO job_projects (project, job_id) VALUES (?, ?)", project, id);
            return loadJob(id).orElseThrow();
        }));
    }

    public synchronized Optional<Job> job(long id) {
        return call(() -> loadJob(id));
    }

    public synchronized Optional<Job> jobByDataset(String datasetId) {
        return call(() -> sql.one("SELECT id FROM jobs WHERE dataset_id = ?", rs -> rs.getLong(1), datasetId)
                .flatMap(id -> call(() -> loadJob(id))));
    }

    /** Jobs of one project (all jobs when project is null), oldest first. */
    public synchronized List<Job> jobs(String project) {
        return call(() -> loadJobs(project));
    }

    /**
     * Every job of one project (all jobs when project is null), oldest first, with its files and the bytes
     * recorded for each: a fixed number of queries, however long the queue.
     */
    public synchronized List<JobFiles> jobsWithFiles(String project) {
        return call(() -> {
            List<Job> jobs = loadJobs(project);
            Map<Long, List<FileRecord>> files = new HashMap<>();
            for (FileRecord f : sql.list("SELECT " + Rows.FILE_COLUMNS + " FROM files" + jobFilter("job_id", project)
                    + " ORDER BY job_id, COALESCE(parent_id, id), parent_id IS NOT NULL, id", Rows::file,
                    projectArgs(project))) {
                files.computeIfAbsent(f.jobId(), id -> new ArrayList<>()).add(f);
            }
            Map<Long, Long> bytes = new HashMap<>();
            for (long[] row : sql.list("SELECT s.file_id, SUM(s.done) FROM segments s JOIN files f ON f.id = s.file_id"
                    + jobFilter("f.job_id", project) + " GROUP BY s.file_id",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, projectArgs(project))) {
                bytes.put(row[0], row[1]);
            }
            List<JobFiles> out = new ArrayList<>();
            for (Job job : jobs) {
                List<FileRecord> own = files.getOrDefault(job.id(), List.of());
                Map<Long, Long> done = new HashMap<>();
                own.forEach(f -> done.put(f.id(), bytes.getOrDefault(f.id(), 0L)));
                out.add(new JobFiles(job, own, done));
            }
            return out;
        });
    }

    public synchronized List<String> projects() {
        return call(() -> sql.list("SELECT DISTINCT project FROM job_projects ORDER BY project", rs -> rs.getString(1)));
    }

    public synchronized void setJobState(long jobId, JobState state) {
        run(() -> sql.update("UPDATE jobs SET state=?, updated_at=? WHERE id=?", state.label(), now(), jobId));
    }

    public synchronized void setJobMetadata(long jobId, String metadata) {
        run(() -> sql.update("UPDATE jobs SET metadata=?, updated_at=? WHERE id=?", metadata, now(), jobId));
    }

    /**
     * Takes a job out of one project; the job itself stays (another project, or the caller, decides).
     *
     * @return the projects the job still belongs to
     */
    public synchronized List<String> unlinkProject(long jobId, String project) {
        return call(() -> sql.transaction(() -> {
            sql.update("DELETE FROM job_projects WHERE job_id=? AND project=?", jobId, project);
            return sql.list("SELECT project FROM job_projects WHERE job_id=? ORDER BY project", rs -> rs.getString(1),
                    jobId);
        }));
    }

    /** Forgets a job and its files' records (the files on disk are the caller's business). */
    public synchronized void deleteJob(long jobId) {
        run(() -> sql.update("DELETE FROM jobs WHERE id=?", jobId));
    }

    /** Jobs of a project (all when null) and their projects, in two queries. */
    private List<Job> loadJobs(String project) throws SQLException {
        Map<Long, List<String>> projects = new HashMap<>();
        for (Object[] row : sql.list("SELECT job_id, project FROM job_projects" + jobFilter("job_id", project)
                + " ORDER BY project", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, projectArgs(project))) {
            projects.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return sql.list("SELECT * FROM jobs" + jobFilter("id", project) + " ORDER BY id",
                rs -> Rows.job(rs, projects.getOrDefault(rs.getLong("id"), List.of())), projectArgs(project));
    }

    /** A WHERE clause keeping rows whose {@code column} is a job of the project; none when project is null. */
    private static String jobFilter(String column, String project) {
        return project == null ? "" : " WHERE " + column + " IN (SELECT job_id FROM job_projects WHERE project = ?)";
    }

    private static Object[] projectArgs(String project) {
        return project == null ? new Object[0] : new Object[] {project};
    }

    private Optional<Job> loadJob(long id) throws SQLException {
        List<String> projects = sql.list("SELECT project FROM job_projects WHERE job_id = ? ORDER BY project",
                rs -> rs.getString(1), id);
        return sql.one("SELECT * FROM jobs WHERE id = ?", rs -> Rows.job(rs, projects), id);
    }

    // ---- files -------------------------------------------------------------------------------------

    /**
     * Records a file of a job. Adding a path the job already has returns the existing record, so that
     * adding a dataset twice is harmless; a path owned by another job is an error.
     */
    public synchronized FileRecord addFile(long jobId, NewFile file) {
        return call(() -> sql.transaction(() -> {
            Optional<FileRecord> existing = sql.one("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE path = ?",
                    Rows::file, file.path());
            if (existing.isPresent()) {
                if (existing.get().jobId() != jobId) {
                    throw new SQLException(file.path() + " already belongs to another dataset");
                }
                return existing.get();
            }
            long id = sql.insert("INSERT INTO files (job_id, parent_id, kind, url, path, size, expected_size, checksums, "
                    + "auth, server_named, state, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", jobId, file.parentId(),
                    file.kind(), file.url(), file.path(), file.size(), file.size(), file.checksums(), file.auth(),
                    file.serverNamed() ? 1 : 0, FileState.QUEUED.label(), now());
            return loadFile(id).orElseThrow();
        }));
    }

    // ---- link probes -------------------------------------------------------------------------------

    /** What a probe found at {@code url} ("page" or "file"), if it was probed. */
    public synchronized Optional<String> linkKind(String url) {
        return call(() -> sql.one("SELECT kind FROM link_probes WHERE url = ?", rs -> rs.getString(1), url));
    }

    public synchronized void saveLinkKind(String url, String kind) {
        run(() -> sql.update("INSERT INTO link_probes(url, kind, probed_at) VALUES (?, ?, ?) ON CONFLICT(url) DO "
                + "UPDATE SET kind = excluded.kind, probed_at = excluded.probed_at", url, kind, now()));
    }

    public synchronized Optional<FileRecord> file(long id) {
        return call(() -> loadFile(id));
    }

    public synchronized Optional<FileRecord> fileByPath(String path) {
        return call(() -> sql.one("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE path = ?", Rows::file, path));
    }

    /** The queued torrent (not one of its files) with this info-hash, the oldest when there are several. */
    public synchronized Optional<FileRecord> torrentByInfoHash(String infoHash) {
        return call(() -> sql.one("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE info_hash = ? AND kind = 'torrent' "
                + "ORDER BY id LIMIT 1", Rows::file, infoHash));
    }

    /** Every file of a job, a torrent's own files right after the torrent. */
    public synchronized List<FileRecord> files(long jobId) {
        return call(() -> sql.list("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE job_id = ? "
                + "ORDER BY COALESCE(parent_id, id), parent_id IS NOT NULL, id", Rows::file, jobId));
    }

    public synchronized List<FileRecord> children(long parentId) {
        return call(() -> sql.list("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE parent_id = ? ORDER BY id",
                Rows::file, parentId));
    }

    public synchronized void deleteFile(long fileId) {
        run(() -> sql.update("DELETE FROM files WHERE id=?", fileId));
    }

    /** Moves a file to a new path (a name the server chose), unless that path is taken. */
    public synchronized boolean setPath(long fileId, String path) {
        return call(() -> sql.transaction(() -> {
            if (sql.one("SELECT id FROM files WHERE path = ? AND id <> ?", rs -> rs.getLong(1), path, fileId).isPresent()) {
                return false;
            }
            sql.update("UPDATE files SET path=?, updated_at=? WHERE id=?", path, now(), fileId);
            return true;
        }));
    }

    // ---- who works on what -------------------------------------------------------------------------

    /**
     * Takes the next runnable file for {@code owner}: queued, retrying whose time has come, paused by an
     * interruption, or running under a lease that expired or whose owner {@code gone} says is dead.
     * Atomic across processes.
     */
    public synchronized Optional<FileRecord> claim(String owner, long leaseMillis, Set<Long> skip,
                                                   java.util.function.Predicate<String> gone) {
        return claim(owner, leaseMillis, skip, gone, null);
    }

    /**
     * Like {@link #claim(String, long, Set, java.util.function.Predicate)}, taking only files of these jobs
     * ({@code jobs} null: of any job): a run asked for some datasets leaves the others alone.
     */
    public synchronized Optional<FileRecord> claim(String owner, long leaseMillis, Set<Long> skip,
                                                   java.util.function.Predicate<String> gone, Set<Long> jobs) {
        return call(() -> sql.transaction(() -> {
            long now = clock.millis();
            String excluded = (skip.isEmpty() ? "" : " AND f.id NOT IN ("
                    + skip.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
                    + (jobs == null ? "" : " AND f.job_id IN ("
                    + jobs.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
            List<String> dead = sql.list("SELECT DISTINCT lease_owner FROM files WHERE state IN ('running', "
                    + "'verifying') AND lease_owner IS NOT NULL AND lease_until >= ?", rs -> rs.getString(1), now)
                    .stream().filter(gone).toList();
            String deadOwners = dead.isEmpty() ? "" : " OR f.lease_owner IN ("
                    + dead.stream().map(o -> "'" + o.replace("'", "''") + "'").collect(Collectors.joining(",")) + ")";
            Optional<Long> id = sql.one("SELECT f.id FROM files f JOIN jobs j ON j.id = f.job_id "
                    + "WHERE f.parent_id IS NULL AND f.kind IN ('http', 'torrent') AND j.state = 'active' "
                    + "AND f.next_attempt_at <= ? AND ("
                    + "f.state IN (" + labels(CLAIMABLE) + ") "
                    + "OR (f.state = 'paused' AND f.pause_reason = 'interrupted') "
                    + "OR (f.state IN ('running', 'verifying') AND (f.lease_until IS NULL OR f.lease_until < ?"
                    + deadOwners + ")))"
                    + excluded + " ORDER BY f.id LIMIT 1", rs -> rs.getLong(1), now, now);
            if (id.isEmpty()) {
                return Optional.<FileRecord>empty();
            }
            sql.update("UPDATE files SET state='running', pause_reason=NULL, lease_owner=?, lease_until=?, updated_at=? "
                    + "WHERE id=?", owner, now + leaseMillis, now(), id.get());
            return loadFile(id.get());
        }));
    }

    /** Like {@link #claim(String, long, Set, java.util.function.Predicate)}, trusting leases until they expire. */
    public synchronized Optional<FileRecord> claim(String owner, long leaseMillis, Set<Long> skip) {
        return claim(owner, leaseMillis, skip, o -> false);
    }

    /** Extends every lease {@code owner} holds; a process that stops renewing loses its files. */
    public synchronized void renewLeases(String owner, long leaseMillis) {
        run(() -> sql.update("UPDATE files SET lease_until=? WHERE lease_owner=? AND state IN ('running', 'verifying')",
                clock.millis() + leaseMillis, owner));
    }

    /** Any file of these states held under a lease that has not expired (someone is working on it). */
    public synchronized boolean leased(long fileId) {
        return call(() -> sql.one("SELECT lease_until FROM files WHERE id=? AND state IN ('running','verifying')",
                rs -> rs.getLong(1), fileId).map(until -> until >= clock.millis()).orElse(false));
    }

    // ---- state changes -----------------------------------------------------------------------------

    /** Sets a file's state (pause, resume, cancel, verifying, manual); leaves its lease to the owner. */
    public synchronized void setState(long fileId, FileState state, String pauseReason) {
        run(() -> sql.update("UPDATE files SET state=?, pause_reason=?, updated_at=? WHERE id=?",
                state.label(), pauseReason, now(), fileId));
    }

    /** Gives a file up after work on it stopped, in the given state, and drops its lease. */
    public synchronized void release(long fileId, FileState state, String pauseReason) {
        run(() -> sql.update("UPDATE files SET state=?, pause_reason=?, lease_owner=NULL, lease_until=NULL, rate=NULL, "
                + "updated_at=? WHERE id=?", state.label(), pauseReason, now(), fileId));
    }

    /** Marks a file verified and done, with its SHA-256 and size. */
    public synchronized void finish(long fileId, String sha256, long size) {
        run(() -> sql.update("UPDATE files SET state='done', sha256=?, size=?, last_error=NULL, error_kind=NULL, "
                + "pause_reason=NULL, rate=NULL, "
                + "lease_owner=NULL, lease_until=NULL, updated_at=? WHERE id=?", sha256, size, now(), fileId));
    }

    /**
     * Records a failure: {@code RETRYING} (the next run tries again, not before {@code nextAttemptAt})
     * or {@code FAILED}, with its kind (machine-readable) and message. The message must not carry secrets.
     */
    public synchronized void fail(long fileId, FileState state, String kind, String message, long nextAttemptAt) {
        run(() -> sql.update("UPDATE files SET state=?, error_kind=?, last_error=?, next_attempt_at=?, lease_owner=NULL, "
                + "rate=NULL, lease_until=NULL, updated_at=? WHERE id=?", state.label(), kind, message, nextAttemptAt,
                now(), fileId));
    }

    /**
     * Records that a claimed file waits before its next attempt (why, and until when), keeping its state and
     * lease: status shows the wait instead of a file running without error.
     */
    public synchronized void waiting(long fileId, String why, long untilMillis) {
        run(() -> sql.update("UPDATE files SET last_error=?, next_attempt_at=?, updated_at=? WHERE id=?", why,
                untilMillis, now(), fileId));
    }

    public synchronized void countAttempt(long fileId) {
        run(() -> sql.update("UPDATE files SET attempts = attempts + 1 WHERE id=?", fileId));
    }

    /** Makes failed, retrying or cancelled files runnable again now (the retry command). */
    public synchronized void requeue(long fileId) {
        run(() -> sql.update("UPDATE files SET state='queued', pause_reason=NULL, attempts=0, next_attempt_at=0, "
                + "last_error=NULL, error_kind=NULL, updated_at=? WHERE id=?", now(), fileId));
    }

    /**
     * Replaces what a file must match (space-separated ALGO:HEX) and its published size: a manifest pins a
     * file that an earlier add queued without them.
     */
    public synchronized void setExpected(long fileId, String checksums, Long expectedSize) {
        run(() -> sql.update("UPDATE files SET checksums=?, expected_size=COALESCE(?, expected_size), updated_at=? "
                + "WHERE id=?", checksums, expectedSize, now(), fileId));
    }

    // ---- resume state ------------------------------------------------------------------------------

    /** What the server said about a file: where it lives after redirects, its size and validators. */
    public synchronized void saveValidators(long fileId, String finalUrl, Long size, String etag, String lastModified) {
        run(() -> sql.update("UPDATE files SET final_url=?, size=COALESCE(?, size), etag=?, last_modified=?, "
                + "updated_at=? WHERE id=?", finalUrl, size, etag, lastModified, now(), fileId));
    }

    public synchronized List<Segment> segments(long fileId) {
        return call(() -> sql.list("SELECT idx, start, end, done FROM segments WHERE file_id=? ORDER BY start",
                Rows::segment, fileId));
    }

    /** Replaces a file's segment plan (a new split, or a segment divided to share its work). */
    public synchronized void saveSegments(long fileId, List<Segment> segments) {
        run(() -> sql.transaction(() -> {
            sql.update("DELETE FROM segments WHERE file_id=?", fileId);
            for (Segment s : segments) {
                sql.update("INSERT INTO segments (file_id, idx, start, end, done) VALUES (?,?,?,?,?)",
                        fileId, s.index(), s.start(), s.end(), s.done());
            }
            return null;
        }));
    }

    /**
     * Commits how far segments got (their data already forced to disk) and renews the owner's lease.
     * Returns the file's state now, so a worker notices a pause or cancel from another process.
     */
    public synchronized FileState saveProgress(long fileId, Map<Integer, Long> doneByIndex, String owner,
                                               long leaseMillis, Long rate) {
        return call(() -> sql.transaction(() -> {
            for (Map.Entry<Integer, Long> e : doneByIndex.entrySet()) {
                sql.update("UPDATE segments SET done=? WHERE file_id=? AND idx=?", e.getValue(), fileId, e.getKey());
            }
            sql.update("UPDATE files SET lease_until=?, rate=COALESCE(?, rate), updated_at=? WHERE id=? AND lease_owner=?",
                    clock.millis() + leaseMillis, rate, now(), fileId, owner);
            return sql.one("SELECT state FROM files WHERE id=?", rs -> FileState.ofLabel(rs.getString(1)), fileId)
                    .orElse(FileState.CANCELLED);
        }));
    }

    /** Forgets all progress and validators of a file: its bytes will be fetched again from the start. */
    public synchronized void resetProgress(long fileId) {
        run(() -> sql.transaction(() -> {
            sql.update("DELETE FROM segments WHERE file_id=?", fileId);
            sql.update("UPDATE files SET etag=NULL, last_modified=NULL, final_url=NULL, sha256=NULL, pieces_done=NULL, "
                    + "updated_at=? WHERE id=?", now(), fileId);
            return null;
        }));
    }

    /** Bytes recorded on disk for a file: the sum of its segments' progress. */
    public synchronized long bytesDone(long fileId) {
        return call(() -> sql.one("SELECT COALESCE(SUM(done), 0) FROM segments WHERE file_id=?", rs -> rs.getLong(1),
                fileId).orElse(0L));
    }

    // ---- torrents ----------------------------------------------------------------------------------

    /** What the torrent's metadata says: its info-hash, total size (of the selected files) and piece count. */
    public synchronized void saveTorrent(long fileId, String infoHash, Long size, Integer piecesTotal) {
        run(() -> sql.update("UPDATE files SET info_hash=?, size=?, pieces_total=?, updated_at=? WHERE id=?",
                infoHash, size, piecesTotal, now(), fileId));
    }

    public synchronized void savePieces(long fileId, int piecesDone, String owner, long leaseMillis, Long rate) {
        run(() -> sql.update("UPDATE files SET pieces_done=?, lease_until=?, rate=COALESCE(?, rate), updated_at=? "
                + "WHERE id=? AND lease_owner=?", piecesDone, clock.millis() + leaseMillis, rate, now(), fileId, owner));
    }

    public synchronized FileState state(long fileId) {
        return call(() -> sql.one("SELECT state FROM files WHERE id=?", rs -> FileState.ofLabel(rs.getString(1)), fileId)
                .orElse(FileState.CANCELLED));
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the state database: " + e.getMessage(), e);
        }
    }

    private Optional<FileRecord> loadFile(long id) throws SQLException {
        return sql.one("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE id = ?", Rows::file, id);
    }

    private String now() {
        return clock.instant().toString();
    }

    private static String labels(Set<FileState> states) {
        return states.stream().map(s -> "'" + s.label() + "'").sorted().collect(Collectors.joining(", "));
    }

    interface Call<T> {
        T call() throws SQLException;
    }

    static <T> T call(Call<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw failure("state database", e);
        }
    }

    /** A full disk is told apart: it is retryable, and what was recorded before it is intact. */
    private static StoreException failure(String context, SQLException e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
            return new StoreException("disk full: the state database cannot be written (" + e.getMessage() + ")", e,
                    true);
        }
        return new StoreException(context + ": " + e.getMessage(), e);
    }

    private static void run(Call<?> work) {
        call(work);
    }
}
