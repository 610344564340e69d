package org.medfetch.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.medfetch.store.StoreException;
import org.medfetch.store.jdbc.JdbcStore;

/**
 * The queue in the workspace's SQLite database (WAL mode), for the processes of one machine: SQLite's own
 * locking (with a busy timeout) orders them, and a claim is a write transaction taken up front. Leases are
 * measured on the given clock.
 */
public final class SqliteStore extends JdbcStore {

    /** Primary result code of SQLite for "database or disk is full" (https://sqlite.org/rescode.html#full). */
    private static final int SQLITE_FULL = 13;

    private final Path file;

    private SqliteStore(Connection connection, Clock clock, Path file) {
        super(connection, clock, "BEGIN IMMEDIATE");
        this.file = file;
    }

    /** Opens (creating if needed) the database and brings its schema up to date. */
    public static SqliteStore open(Path file, Clock clock) {
        return open(file, clock, 0);
    }

    /**
     * Like {@link #open(Path, Clock)}, with the database limited to {@code maxPages} pages (0: no limit) on
     * this connection: what tests use to meet a full disk (SQLite answers SQLITE_FULL as it would then).
     */
    public static SqliteStore open(Path file, Clock clock, long maxPages) {
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
            return new SqliteStore(c, clock, file);
        } catch (SQLException e) {
            throw classify("cannot open the state database " + file, e);
        } catch (IOException e) {
            throw new StoreException("cannot open the state database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the state database " + file;
    }

    @Override
    protected String now() {
        return Long.toString(clock.millis());
    }

    @Override
    protected Optional<Long> take(String where, String owner, long leaseMillis) throws SQLException {
        // the write transaction is already held: nobody else reads between this select and the update
        Optional<Long> id = sql.one(next(where), rs -> rs.getLong(1));
        if (id.isPresent()) {
            sql.update("UPDATE files SET state='running', pause_reason=NULL, lease_owner=?, lease_until=" + now()
                    + " + ?, updated_at=? WHERE id=?", owner, leaseMillis, clock.instant().toString(), id.get());
        }
        return id;
    }

    /**
     * The first claimable file, read from the index of unfinished files: without being told, SQLite's planner
     * takes the index on parent_id (null for every top-level file) and reads the whole queue on every claim.
     */
    static String next(String where) {
        return "SELECT f.id FROM files f INDEXED BY files_unfinished WHERE " + where + " ORDER BY f.id LIMIT 1";
    }

    @Override
    protected int version() throws SQLException {
        return Migrations.version(connection);
    }

    @Override
    protected StoreException failure(String context, SQLException e) {
        return classify("state database", e);
    }

    /** A full disk is told apart: it is retryable, and what was recorded before it is intact. */
    private static StoreException classify(String context, SQLException e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
            return new StoreException("disk full: the state database cannot be written (" + e.getMessage() + ")", e,
                    StoreException.Kind.DISK_FULL);
        }
        return new StoreException(context + ": " + e.getMessage(), e);
    }
}
