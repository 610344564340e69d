package org.medfetch.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Maps result-set rows to records. */
final class Rows {

    static final String FILE_COLUMNS = "id, job_id, parent_id, kind, url, final_url, path, size, expected_size, etag, last_modified, "
            + "checksums, auth, server_named, state, pause_reason, attempts, last_error, error_kind, sha256, info_hash, pieces_total, pieces_done, "
            + "rate, next_attempt_at, lease_owner, lease_until";

    private Rows() {
    }

    static FileRecord file(ResultSet rs) throws SQLException {
        return new FileRecord(rs.getLong("id"), rs.getLong("job_id"), longOrNull(rs, "parent_id"), rs.getString("kind"),
                rs.getString("url"), rs.getString("final_url"), rs.getString("path"), longOrNull(rs, "size"),
                longOrNull(rs, "expected_size"),
                rs.getString("etag"), rs.getString("last_modified"), rs.getString("checksums"), rs.getString("auth"),
                rs.getInt("server_named") != 0, FileState.ofLabel(rs.getString("state")), rs.getString("pause_reason"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("error_kind"), rs.getString("sha256"), rs.getString("info_hash"),
                intOrNull(rs, "pieces_total"), intOrNull(rs, "pieces_done"), longOrNull(rs, "rate"),
                rs.getLong("next_attempt_at"),
                rs.getString("lease_owner"), longOrNull(rs, "lease_until"));
    }

    static Job job(ResultSet rs, List<String> projects) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("dataset_id"), rs.getString("name"), rs.getString("target"),
                rs.getString("link"), rs.getString("resolver"), rs.getString("link_class"), rs.getString("source"),
                rs.getString("source_link"), JobState.ofLabel(rs.getString("state")), rs.getString("instructions"),
                rs.getString("options"), rs.getString("metadata"), projects, Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("updated_at")));
    }

    static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(rs.getInt("idx"), rs.getLong("start"), rs.getLong("end"), rs.getLong("done"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
