package org.medfetch.store.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medfetch.store.Extraction;
import org.medfetch.store.ExtractionStore;

/** The extraction part of a JDBC store, on its connection and under its lock. */
final class JdbcExtractions implements ExtractionStore {

    private final JdbcStore store;
    private final Sql sql;

    JdbcExtractions(JdbcStore store, Sql sql) {
        this.store = store;
        this.sql = sql;
    }

    @Override
    public Optional<String> settings(long jobId) {
        synchronized (store) {
            return store.call(() -> sql.one("SELECT \"extract\" FROM jobs WHERE id = ? AND \"extract\" IS NOT NULL",
                    rs -> rs.getString(1), jobId));
        }
    }

    @Override
    public void setSettings(long jobId, String json) {
        synchronized (store) {
            store.call(() -> sql.update("UPDATE jobs SET \"extract\" = ? WHERE id = ?", json, jobId));
        }
    }

    @Override
    public Optional<Extraction> of(long fileId) {
        synchronized (store) {
            return store.call(() -> {
                List<Extraction.File> files = sql.list("SELECT path, size, sha256 FROM extracted_files WHERE file_id = ? "
                        + "ORDER BY path", rs -> new Extraction.File(rs.getString(1), rs.getLong(2), rs.getString(3)), fileId);
                return sql.one("SELECT * FROM extractions WHERE file_id = ?", rs -> new Extraction(rs.getString("folder"),
                        rs.getInt("entries"), rs.getLong("size"), rs.getInt("hashed") != 0,
                        rs.getInt("archive_removed") != 0, rs.getString("notes"),
                        Instant.parse(rs.getString("extracted_at")), files), fileId);
            });
        }
    }

    @Override
    public void save(long fileId, Extraction e) {
        synchronized (store) {
            store.call(() -> sql.transaction(() -> {
                sql.update("DELETE FROM extractions WHERE file_id = ?", fileId);
                sql.update("INSERT INTO extractions (file_id, folder, entries, size, hashed, archive_removed, notes, "
                        + "extracted_at) VALUES (?,?,?,?,?,?,?,?)", fileId, e.folder(), e.entries(), e.size(),
                        e.hashed() ? 1 : 0, e.archiveRemoved() ? 1 : 0, e.notes(), e.extractedAt().toString());
                for (Extraction.File f : e.files()) {
                    sql.update("INSERT INTO extracted_files (file_id, path, size, sha256) VALUES (?,?,?,?)", fileId,
                            f.path(), f.size(), f.sha256());
                }
                return null;
            }));
        }
    }

    @Override
    public void forget(long fileId) {
        synchronized (store) {
            store.call(() -> sql.update("DELETE FROM extractions WHERE file_id = ?", fileId));
        }
    }

    @Override
    public void archiveRemoved(long fileId) {
        synchronized (store) {
            store.call(() -> sql.update("UPDATE extractions SET archive_removed = 1 WHERE file_id = ?", fileId));
        }
    }
}
