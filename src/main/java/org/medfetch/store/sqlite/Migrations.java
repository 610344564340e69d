package org.medfetch.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema versions of the SQLite store, applied in order and recorded in {@code PRAGMA user_version}. A
 * migration is never edited once released; a change is a new entry at the end, here and, with the same
 * meaning, in the PostgreSQL store's list (store/postgres/Migrations), so both stay at the same version.
 */
public final class Migrations {

    private static final List<String> STEPS = List.of(
            """
            CREATE TABLE jobs (
              id INTEGER PRIMARY KEY,
              dataset_id TEXT NOT NULL UNIQUE,
              name TEXT NOT NULL,
              target TEXT NOT NULL,
              link TEXT,
              resolver TEXT,
              link_class TEXT,
              source TEXT,
              source_link TEXT,
              state TEXT NOT NULL,
              instructions TEXT,
              options TEXT,
              metadata TEXT,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL
            );
            CREATE TABLE job_projects (
              project TEXT NOT NULL,
              job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
              PRIMARY KEY (project, job_id)
            );
            CREATE TABLE files (
              id INTEGER PRIMARY KEY,
              job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
              parent_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
              kind TEXT NOT NULL,
              url TEXT NOT NULL,
              final_url TEXT,
              path TEXT NOT NULL UNIQUE,
              size INTEGER,
              expected_size INTEGER,
              etag TEXT,
              last_modified TEXT,
              checksums TEXT,
              auth TEXT,
              server_named INTEGER NOT NULL DEFAULT 0,
              state TEXT NOT NULL,
              pause_reason TEXT,
              attempts INTEGER NOT NULL DEFAULT 0,
              last_error TEXT,
              error_kind TEXT,
              sha256 TEXT,
              info_hash TEXT,
              pieces_total INTEGER,
              pieces_done INTEGER,
              rate INTEGER,
              next_attempt_at INTEGER NOT NULL DEFAULT 0,
              lease_owner TEXT,
              lease_until INTEGER,
              updated_at TEXT NOT NULL
            );
            CREATE INDEX files_job ON files(job_id);
            CREATE INDEX files_parent ON files(parent_id);
            CREATE TABLE segments (
              file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
              idx INTEGER NOT NULL,
              start INTEGER NOT NULL,
              end INTEGER NOT NULL,
              done INTEGER NOT NULL,
              PRIMARY KEY (file_id, idx)
            );
            """,
            // extraction: what --extract asks of a job, and what each archive's extraction wrote
            """
            ALTER TABLE jobs ADD COLUMN extract TEXT;
            CREATE TABLE extractions (
              file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
              folder TEXT NOT NULL,
              entries INTEGER NOT NULL,
              size INTEGER NOT NULL,
              hashed INTEGER NOT NULL,
              archive_removed INTEGER NOT NULL DEFAULT 0,
              notes TEXT,
              extracted_at TEXT NOT NULL
            );
            CREATE TABLE extracted_files (
              file_id INTEGER NOT NULL REFERENCES extractions(file_id) ON DELETE CASCADE,
              path TEXT NOT NULL,
              size INTEGER NOT NULL,
              sha256 TEXT,
              PRIMARY KEY (file_id, path)
            );
            """,
            // hosts-reshape: what a probed link turned out to be ("page" or "file"), so add probes a link once
            // and listings show the answer offline. Resolver names stored in jobs are unchanged by the reshape.
            """
            CREATE TABLE link_probes (
              url TEXT PRIMARY KEY,
              kind TEXT NOT NULL,
              probed_at TEXT NOT NULL
            );
            """,
            // faults-engine: a job's projects are looked up by job, which the key (project, job_id) cannot serve
            """
            CREATE INDEX job_projects_job ON job_projects(job_id);
            """,
            // postgres: the workers on the queue (status and the workers command), lease owners looked up by
            // owner, and the unfinished top-level files (what a claim reads) in an index of their own
            """
            CREATE TABLE workers (
              id TEXT PRIMARY KEY,
              host TEXT NOT NULL,
              pid INTEGER NOT NULL,
              started_at TEXT NOT NULL,
              lease_until INTEGER NOT NULL,
              files_done INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX files_lease_owner ON files(lease_owner);
            CREATE INDEX files_unfinished ON files(id) WHERE parent_id IS NULL
              AND state IN ('paused', 'queued', 'retrying', 'running', 'verifying');
            """,
            // torrents: where a torrent's bytes came from (peers, each web seed), as JSON, for status and manifests
            """
            ALTER TABLE files ADD COLUMN sources TEXT;
            """);

    private Migrations() {
    }

    public static int latest() {
        return STEPS.size();
    }

    /**
     * Brings the schema to the latest version. The version is read inside a write transaction taken up
     * front (BEGIN IMMEDIATE), so two processes opening a new workspace at once do not both create it.
     */
    static void apply(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int version = version(connection);
                if (version > latest()) {
                    throw new SQLException("the state database has schema version " + version
                            + ", newer than this medfetch understands (" + latest() + "); use a newer medfetch");
                }
                for (int v = version; v < latest(); v++) {
                    for (String sql : STEPS.get(v).split(";\\s*\\n")) {
                        if (!sql.isBlank()) {
                            s.executeUpdate(sql);
                        }
                    }
                    s.executeUpdate("PRAGMA user_version = " + (v + 1));
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
