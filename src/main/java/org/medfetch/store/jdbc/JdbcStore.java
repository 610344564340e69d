package org.medfetch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.medfetch.store.ExtractionStore;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobFiles;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Segment;
import org.medfetch.store.Store;
import org.medfetch.store.StoreException;
import org.medfetch.store.Worker;
import org.medfetch.store.WorkerStatus;

/**
 * The queue's operations in the SQL that SQLite and PostgreSQL both speak, over one connection per
 * process (methods are synchronized; the database orders the processes). An implementation supplies its
 * clock for leases, how it takes the next file, and what its errors mean.
 */
public abstract class JdbcStore implements Store {

    /** States of a top-level file that is not finished: the partial index the claim reads is on these. */
    protected static final String UNFINISHED = "f.state IN ('paused', 'queued', 'retrying', 'running', 'verifying')";

    protected final Connection connection;
    protected final Sql sql;
    protected final Clock clock;
    private final JdbcExtractions extractions;

    /** @param begin the statement that opens a write transaction */
    protected JdbcStore(Connection connection, Clock clock, String begin) {
        this.connection = connection;
        this.sql = new Sql(connection, begin);
        this.clock = clock;
        this.extractions = new JdbcExtractions(this, sql);
    }

    /** The store's clock in epoch milliseconds, as an SQL expression: what lease times are measured on. */
    protected abstract String now();

    /**
     * Marks the next claimable file as running under {@code owner}'s lease, inside the claim's transaction.
     *
     * @param where the conditions a claimable file {@code f} meets (they read the clock from {@link #now()})
     */
    protected abstract Optional<Long> take(String where, String owner, long leaseMillis) throws SQLException;

    /** What an SQL error means to the caller (a full disk, an unreachable server...). */
    protected abstract StoreException failure(String context, SQLException e);

    /** Migrations this store's schema went through. */
    protected abstract int version() throws SQLException;

    /** After rows with their own ids were copied in: identity counters continue after them. */
    protected void copied() throws SQLException {
    }

    /** SQL statements this store has prepared (for tests that bound the queries of an operation). */
    public synchronized long statementsRun() {
        return sql.statements();
    }

    @Override
    public synchronized int schemaVersion() {
        return call(this::version);
    }

    @Override
    public ExtractionStore extractions() {
        return extractions;
    }

    // ---- jobs --------------------------------------------------------------------------------------

    @Override
    public synchronized Job addJob(NewJob job, String project) {
        return call(() -> sql.transaction(() -> {
            String now = stamp();
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
            sql.update("INSERT INTO job_projects (project, job_id) VALUES (?, ?) ON CONFLICT DO NOTHING", project, id);
            return loadJob(id).orElseThrow();
        }));
    }

    @Override
    public synchronized Optional<Job> job(long id) {
        return call(() -> loadJob(id));
    }

    @Override
    public synchronized Optional<Job> jobByDataset(String datasetId) {
        return call(() -> sql.one("SELECT id FROM jobs WHERE dataset_id = ?", rs -> rs.getLong(1), datasetId)
                .flatMap(id -> call(() -> loadJob(id))));
    }

    @Override
    public synchronized List<Job> jobs(String project) {
        return call(() -> loadJobs(project));
    }

    @Override
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

    @Override
    public synchronized List<String> projects() {
        return call(() -> sql.list("SELECT DISTINCT project FROM job_projects ORDER BY project", rs -> rs.getString(1)));
    }

    @Override
    public synchronized void setJobState(long jobId, JobState state) {
        run(() -> sql.update("UPDATE jobs SET state=?, updated_at=? WHERE id=?", state.label(), stamp(), jobId));
    }

    @Override
    public synchronized void setJobMetadata(long jobId, String metadata) {
        run(() -> sql.update("UPDATE jobs SET metadata=?, updated_at=? WHERE id=?", metadata, stamp(), jobId));
    }

    @Override
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

    @Override
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
                    file.serverNamed() ? 1 : 0, FileState.QUEUED.label(), stamp());
            return loadFile(id).orElseThrow();
        }));
    }

    @Override
    public synchronized Optional<String> linkKind(String url) {
        return call(() -> sql.one("SELECT kind FROM link_probes WHERE url = ?", rs -> rs.getString(1), url));
    }

    @Override
    public synchronized void saveLinkKind(String url, String kind) {
        run(() -> sql.update("INSERT INTO link_probes(url, kind, probed_at) VALUES (?, ?, ?) ON CONFLICT(url) DO "
                + "UPDATE SET kind = excluded.kind, probed_at = excluded.probed_at", url, kind, stamp()));
    }

    @Override
    public synchronized Optional<FileRecord> file(long id) {
        return call(() -> loadFile(id));
    }

    @Override
    public synchronized Optional<FileRecord> fileByPath(String path) {
        return call(() -> sql.one("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE path = ?", Rows::file, path));
    }

    @Override
    public synchronized Optional<FileRecord> torrentByInfoHash(String infoHash) {
        return call(() -> sql.one("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE info_hash = ? AND kind = 'torrent' "
                + "ORDER BY id LIMIT 1", Rows::file, infoHash));
    }

    @Override
    public synchronized List<FileRecord> files(long jobId) {
        return call(() -> sql.list("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE job_id = ? "
                + "ORDER BY COALESCE(parent_id, id), parent_id IS NOT NULL, id", Rows::file, jobId));
    }

    @Override
    public synchronized List<FileRecord> children(long parentId) {
        return call(() -> sql.list("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE parent_id = ? ORDER BY id",
                Rows::file, parentId));
    }

    @Override
    public synchronized void deleteFile(long fileId) {
        run(() -> sql.update("DELETE FROM files WHERE id=?", fileId));
    }

    @Override
    public synchronized boolean setPath(long fileId, String path) {
        return call(() -> sql.transaction(() -> {
            if (sql.one("SELECT id FROM files WHERE path = ? AND id <> ?", rs -> rs.getLong(1), path, fileId).isPresent()) {
                return false;
            }
            sql.update("UPDATE files SET path=?, updated_at=? WHERE id=?", path, stamp(), fileId);
            return true;
        }));
    }

    // ---- who works on what -------------------------------------------------------------------------

    @Override
    public synchronized Optional<FileRecord> claim(String owner, long leaseMillis, Set<Long> skip, Predicate<String> gone,
                                                   Set<Long> jobs) {
        return call(() -> sql.transaction(() -> {
            List<String> dead = sql.list("SELECT DISTINCT lease_owner FROM files WHERE lease_owner IS NOT NULL "
                    + "AND state IN ('running', 'verifying') AND lease_until >= " + now(), rs -> rs.getString(1))
                    .stream().filter(gone).toList();
            String where = claimable(dead, skip, now());
            if (jobs != null) {
                where += " AND f.job_id IN (" + jobs.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + ")";
            }
            Optional<Long> id = take(where, owner, leaseMillis);
            return id.isEmpty() ? Optional.<FileRecord>empty() : loadFile(id.get());
        }));
    }

    /**
     * The conditions a claimable top-level file {@code f} meets: unfinished (the partial index files_unfinished
     * holds exactly those), of an active job, due, and not under a live lease of a live owner.
     *
     * @param dead owners whose leases are void (their process is known to be gone)
     * @param now  the store's clock as an SQL expression
     */
    public static String claimable(List<String> dead, Set<Long> skip, String now) {
        String deadOwners = dead.isEmpty() ? "" : " OR f.lease_owner IN ("
                + dead.stream().map(o -> "'" + o.replace("'", "''") + "'").collect(Collectors.joining(",")) + ")";
        String excluded = skip.isEmpty() ? "" : " AND f.id NOT IN ("
                + skip.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        return "f.parent_id IS NULL AND " + UNFINISHED + " AND f.kind IN ('http', 'torrent') "
                + "AND EXISTS (SELECT 1 FROM jobs j WHERE j.id = f.job_id AND j.state = 'active') AND f.next_attempt_at <= "
                + now + " AND (f.state IN ('queued', 'retrying') OR (f.state = 'paused' AND f.pause_reason = 'interrupted') "
                + "OR (f.state IN ('running', 'verifying') AND (f.lease_until IS NULL OR f.lease_until < " + now
                + deadOwners + ")))" + excluded;
    }

    @Override
    public synchronized void renewLeases(String owner, long leaseMillis) {
        run(() -> {
            sql.update("UPDATE files SET lease_until=" + now() + " + ? WHERE lease_owner=? AND state IN ('running', "
                    + "'verifying')", leaseMillis, owner);
            return sql.update("UPDATE workers SET lease_until=" + now() + " + ? WHERE id=?", leaseMillis, owner);
        });
    }

    @Override
    public synchronized boolean leased(long fileId) {
        return call(() -> sql.one("SELECT id FROM files WHERE id=? AND state IN ('running','verifying') AND lease_until >= "
                + now(), rs -> rs.getLong(1), fileId).isPresent());
    }

    @Override
    public synchronized List<FileRecord> leasedFiles() {
        return call(() -> sql.list("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE lease_owner IS NOT NULL "
                + "AND parent_id IS NULL AND state IN ('running', 'verifying') AND lease_until >= " + now()
                + " ORDER BY id", Rows::file));
    }

    @Override
    public synchronized void startWorker(Worker worker, long leaseMillis) {
        run(() -> sql.transaction(() -> {
            // workers whose lease lapsed long ago are gone for good: the table stays the size of the live ones
            sql.update("DELETE FROM workers WHERE lease_until < " + now() + " - 86400000");
            return sql.update("INSERT INTO workers (id, host, pid, started_at, lease_until) VALUES (?, ?, ?, ?, "
                    + now() + " + ?) ON CONFLICT(id) DO UPDATE SET lease_until = excluded.lease_until", worker.id(),
                    worker.host(), worker.pid(), worker.started().toString(), leaseMillis);
        }));
    }

    @Override
    public synchronized void stopWorker(String workerId) {
        run(() -> sql.update("DELETE FROM workers WHERE id=?", workerId));
    }

    @Override
    public synchronized List<WorkerStatus> workers() {
        return call(() -> sql.list("SELECT w.id, w.host, w.pid, w.started_at, w.files_done, COUNT(f.id), "
                + "COALESCE(SUM(f.rate), 0) FROM workers w LEFT JOIN files f ON f.lease_owner = w.id "
                + "AND f.state IN ('running', 'verifying') WHERE w.lease_until >= " + now()
                + " GROUP BY w.id, w.host, w.pid, w.started_at, w.files_done ORDER BY w.started_at, w.id",
                rs -> new WorkerStatus(new Worker(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Rows.instant(rs.getString(4))), rs.getInt(6), rs.getLong(5), rs.getLong(7))));
    }

    // ---- state changes -----------------------------------------------------------------------------

    @Override
    public synchronized void setState(long fileId, FileState state, String pauseReason) {
        run(() -> sql.update("UPDATE files SET state=?, pause_reason=?, updated_at=? WHERE id=?",
                state.label(), pauseReason, stamp(), fileId));
    }

    @Override
    public synchronized void release(long fileId, FileState state, String pauseReason) {
        run(() -> sql.update("UPDATE files SET state=?, pause_reason=?, lease_owner=NULL, lease_until=NULL, rate=NULL, "
                + "updated_at=? WHERE id=?", state.label(), pauseReason, stamp(), fileId));
    }

    @Override
    public synchronized void finish(long fileId, String sha256, long size) {
        run(() -> sql.transaction(() -> {
            sql.update("UPDATE workers SET files_done = files_done + 1 WHERE id = (SELECT lease_owner FROM files "
                    + "WHERE id = ?)", fileId);
            return sql.update("UPDATE files SET state='done', sha256=?, size=?, last_error=NULL, error_kind=NULL, "
                    + "pause_reason=NULL, rate=NULL, lease_owner=NULL, lease_until=NULL, updated_at=? WHERE id=?",
                    sha256, size, stamp(), fileId);
        }));
    }

    @Override
    public synchronized void fail(long fileId, FileState state, String kind, String message, long nextAttemptAt) {
        run(() -> sql.update("UPDATE files SET state=?, error_kind=?, last_error=?, next_attempt_at=?, lease_owner=NULL, "
                + "rate=NULL, lease_until=NULL, updated_at=? WHERE id=?", state.label(), kind, message, nextAttemptAt,
                stamp(), fileId));
    }

    @Override
    public synchronized void countAttempt(long fileId) {
        run(() -> sql.update("UPDATE files SET attempts = attempts + 1 WHERE id=?", fileId));
    }

    @Override
    public synchronized void requeue(long fileId) {
        run(() -> sql.update("UPDATE files SET state='queued', pause_reason=NULL, attempts=0, next_attempt_at=0, "
                + "last_error=NULL, error_kind=NULL, updated_at=? WHERE id=?", stamp(), fileId));
    }

    @Override
    public synchronized void setExpected(long fileId, String checksums, Long expectedSize) {
        run(() -> sql.update("UPDATE files SET checksums=?, expected_size=COALESCE(?, expected_size), updated_at=? "
                + "WHERE id=?", checksums, expectedSize, stamp(), fileId));
    }

    // ---- resume state ------------------------------------------------------------------------------

    @Override
    public synchronized void saveValidators(long fileId, String finalUrl, Long size, String etag, String lastModified) {
        run(() -> sql.update("UPDATE files SET final_url=?, size=COALESCE(?, size), etag=?, last_modified=?, "
                + "updated_at=? WHERE id=?", finalUrl, size, etag, lastModified, stamp(), fileId));
    }

    @Override
    public synchronized List<Segment> segments(long fileId) {
        return call(() -> sql.list("SELECT idx, start, \"end\", done FROM segments WHERE file_id=? ORDER BY start",
                Rows::segment, fileId));
    }

    @Override
    public synchronized void saveSegments(long fileId, List<Segment> segments) {
        run(() -> sql.transaction(() -> {
            sql.update("DELETE FROM segments WHERE file_id=?", fileId);
            for (Segment s : segments) {
                sql.update("INSERT INTO segments (file_id, idx, start, \"end\", done) VALUES (?,?,?,?,?)",
                        fileId, s.index(), s.start(), s.end(), s.done());
            }
            return null;
        }));
    }

    @Override
    public synchronized FileState saveProgress(long fileId, Map<Integer, Long> doneByIndex, String owner,
                                               long leaseMillis, Long rate) {
        return call(() -> sql.transaction(() -> {
            for (Map.Entry<Integer, Long> e : doneByIndex.entrySet()) {
                sql.update("UPDATE segments SET done=? WHERE file_id=? AND idx=?", e.getValue(), fileId, e.getKey());
            }
            sql.update("UPDATE files SET lease_until=" + now() + " + ?, rate=COALESCE(?, rate), updated_at=? "
                    + "WHERE id=? AND lease_owner=?", leaseMillis, rate, stamp(), fileId, owner);
            return sql.one("SELECT state FROM files WHERE id=?", rs -> FileState.ofLabel(rs.getString(1)), fileId)
                    .orElse(FileState.CANCELLED);
        }));
    }

    @Override
    public synchronized void resetProgress(long fileId) {
        run(() -> sql.transaction(() -> {
            sql.update("DELETE FROM segments WHERE file_id=?", fileId);
            sql.update("UPDATE files SET etag=NULL, last_modified=NULL, final_url=NULL, sha256=NULL, pieces_done=NULL, "
                    + "updated_at=? WHERE id=?", stamp(), fileId);
            return null;
        }));
    }

    @Override
    public synchronized long bytesDone(long fileId) {
        return call(() -> sql.one("SELECT COALESCE(SUM(done), 0) FROM segments WHERE file_id=?", rs -> rs.getLong(1),
                fileId).orElse(0L));
    }

    // ---- torrents ----------------------------------------------------------------------------------

    @Override
    public synchronized void saveTorrent(long fileId, String infoHash, Long size, Integer piecesTotal) {
        run(() -> sql.update("UPDATE files SET info_hash=?, size=?, pieces_total=?, updated_at=? WHERE id=?",
                infoHash, size, piecesTotal, stamp(), fileId));
    }

    @Override
    public synchronized void savePieces(long fileId, int piecesDone, String owner, long leaseMillis, Long rate) {
        run(() -> sql.update("UPDATE files SET pieces_done=?, lease_until=" + now() + " + ?, rate=COALESCE(?, rate), "
                + "updated_at=? WHERE id=? AND lease_owner=?", piecesDone, leaseMillis, rate, stamp(), fileId, owner));
    }

    @Override
    public synchronized List<String> unlinkProject(long jobId, String project) {
        return call(() -> sql.transaction(() -> {
            sql.update("DELETE FROM job_projects WHERE job_id=? AND project=?", jobId, project);
            return sql.list("SELECT project FROM job_projects WHERE job_id=? ORDER BY project", rs -> rs.getString(1),
                    jobId);
        }));
    }

    @Override
    public synchronized void waiting(long fileId, String why, long untilMillis) {
        run(() -> sql.update("UPDATE files SET last_error=?, next_attempt_at=?, updated_at=? WHERE id=?", why,
                untilMillis, stamp(), fileId));
    }

    @Override
    public synchronized void saveSources(long fileId, String sources) {
        run(() -> sql.update("UPDATE files SET sources=? WHERE id=?", sources, fileId));
    }

    @Override
    public synchronized FileState state(long fileId) {
        return call(() -> sql.one("SELECT state FROM files WHERE id=?", rs -> FileState.ofLabel(rs.getString(1)), fileId)
                .orElse(FileState.CANCELLED));
    }

    // ---- the whole queue ---------------------------------------------------------------------------

    @Override
    public Copied copyTo(Store target) {
        if (!(target instanceof JdbcStore to)) {
            throw new IllegalArgumentException("cannot copy into " + target.describe());
        }
        synchronized (this) {
            synchronized (to) {
                return call(() -> to.sql.transaction(() -> {
                    if (to.sql.one("SELECT id FROM jobs LIMIT 1", rs -> rs.getLong(1)).isPresent()) {
                        throw new StoreException(to.describe() + " already holds a queue: copy only into an empty store",
                                null, StoreException.Kind.REFUSED);
                    }
                    Copied copied = new QueueCopy(connection, to.connection).copy();
                    to.copied();
                    return copied;
                }));
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + describe() + ": " + e.getMessage(), e);
        }
    }

    protected Optional<FileRecord> loadFile(long id) throws SQLException {
        return sql.one("SELECT " + Rows.FILE_COLUMNS + " FROM files WHERE id = ?", Rows::file, id);
    }

    /** The time written to updated_at and created_at (for people; leases use the store's clock). */
    private String stamp() {
        return clock.instant().toString();
    }

    protected interface Call<T> {
        T call() throws SQLException;
    }

    protected <T> T call(Call<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw failure(describe(), e);
        }
    }

    private void run(Call<?> work) {
        call(work);
    }
}
