package org.medfetch.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.medfetch.store.sqlite.SqliteStore;

/**
 * A state database on a disk that is about to fill up, simulated with SQLite's own limit: every write of the
 * engine (a file's row updated, a segment inserted or updated) also stores a page of filler, and the
 * connection may grow the database by only {@code pagesLeft} pages. Past that, SQLite answers SQLITE_FULL,
 * as it does when a real disk is full.
 */
public final class FullDisk {

    private static final List<String> WRITES = List.of("UPDATE ON files", "INSERT ON segments", "UPDATE ON segments");

    private FullDisk() {
    }

    public static Store open(Path db, Clock clock, int pagesLeft) throws SQLException {
        SqliteStore.open(db, clock).close();
        long pages;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS filler (page BLOB)");
            for (int i = 0; i < WRITES.size(); i++) {
                s.execute("CREATE TRIGGER IF NOT EXISTS fill_" + i + " AFTER " + WRITES.get(i)
                        + " BEGIN INSERT INTO filler VALUES (zeroblob(4096)); END");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
        }
        return SqliteStore.open(db, clock, pages + pagesLeft);
    }

    /** Space again: writes no longer add filler, and a store opened now has no limit. */
    public static void free(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (int i = 0; i < WRITES.size(); i++) {
                s.execute("DROP TRIGGER IF EXISTS fill_" + i);
            }
        }
    }
}
