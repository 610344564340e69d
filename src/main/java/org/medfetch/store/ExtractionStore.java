package org.medfetch.store;

import java.util.List;
import java.util.Optional;

/** The extraction part of the state: a job's --extract settings and each archive's extraction. */
public final class ExtractionStore {

    private final Store store;
    private final Sql sql;

    ExtractionStore(Store store, Sql sql) {
        this.store = store;
        this.sql = sql;
    }

    /** The job's extraction settings as JSON, or empty when it is not to be unpacked. */
    public Optional<String> settings(long jobId) {
        synchronized (store) {
            return Store.call(() -> sql.one("SELECT extract FROM jobs WHERE id = ? AND extract IS NOT NULL",
                    rs -> rs.getString(1), jobId));
        }
    }

    public void setSettings(long jobId, String json) {
        synchronized (store) {
            Store.call(() -> sql.update("UPDATE jobs SET extract = ? WHERE id = ?", json, jobId));
        }
    }

    public Optional<Extraction> of(long fileId) {
        synchronized (store) {
            return Store.call(() -> {
                List<Extraction.File> files = sql.list("SELECT path, size, sha256 FROM extracted_files WHERE file_id = ? "
                        + "ORDER BY path", rs -> new Extraction.File(rs.getString(1), rs.getLong(2), rs.getString(3)), fileId);
                return sql.one("SELECT * FROM extractions WHERE file_id = ?", rs -> new Extraction(rs.getString("folder"),
                        rs.getInt("entries"), rs.getLong("size"), rs.getInt("hashed") != 0,
                        rs.getInt("archive_removed") != 0, rs.getString("notes"),
                        java.time.Instant.parse(rs.getString("extracted_at")), files), fileId);
            });
        }
    }

    /** Records an extraction, replacing any earlier one of the same archive. */
    public void save(long fileId, Extraction e) {
        synchronized (store) {
            Store.call(() -> sql.transaction(() -> {
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

    public void forget(long fileId) {
        synchronized (store) {
            Store.call(() -> sql.update("DELETE FROM extractions WHERE file_id = ?", fileId));
        }
    }

    /** Notes that the archive was deleted after a complete extraction. */
    public void archiveRemoved(long fileId) {
        synchronized (store) {
            Store.call(() -> sql.update("UPDATE extractions SET archive_removed = 1 WHERE file_id = ?", fileId));
        }
    }

    /** Whether a finished file is absent on purpose: unpacked, then deleted as asked. */
    public boolean removedAfterExtraction(long fileId) {
        return of(fileId).map(Extraction::archiveRemoved).orElse(false);
    }
}
