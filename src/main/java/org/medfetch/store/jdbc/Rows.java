package org.medfetch.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.Segment;

/** Maps result-set rows to records. */
final class Rows {

    static final String FILE_COLUMNS = "id, job_id, parent_id, kind, url, final_url, path, size, expected_size, etag, last_modified, "
            + "checksums, auth, server_named, state, pause_reason, attempts, last_error, error_kind, sha256, info_hash, pieces_total, pieces_done, "
            + "rate, next_attempt_at, lease_owner, lease_until, sources";

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
                rs.getString("lease_owner"), longOrNull(rs, "lease_until"), rs.getString("sources"));
    }

    static Job job(ResultSet rs, List<String> projects) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("dataset_id"), rs.getString("name"), rs.getString("target"),
                rs.getString("link"), rs.getString("resolver"), rs.getString("link_class"), rs.getString("source"),
                rs.getString("source_link"), JobState.ofLabel(rs.getString("state")), rs.getString("instructions"),
                rs.getString("options"), rs.getString("metadata"), projects, instant(rs.getString("created_at")),
                instant(rs.getString("updated_at")));
    }

    static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(rs.getInt("idx"), rs.getLong("start"), rs.getLong("end"), rs.getLong("done"));
    }

    /**
     * An instant as the store writes it ({@link Instant#toString()}: {@code 2026-01-01T00:00:00[.fraction]Z}),
     * read without the general ISO parser, which took a fifth of a status over 10,000 jobs in a fresh JVM.
     * Anything else goes to {@link Instant#parse}.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
                || (n > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        try {
            int nanos = 0;
            if (n > 20) {
                String fraction = text.substring(20, n - 1);
                nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
            }
            long seconds = LocalDateTime.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10), Integer.parseInt(text, 11, 13, 10),
                    Integer.parseInt(text, 14, 16, 10), Integer.parseInt(text, 17, 19, 10))
                    .toEpochSecond(ZoneOffset.UTC);
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (NumberFormatException | DateTimeException e) {
            return Instant.parse(text);
        }
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
