package org.medfetch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.medfetch.store.Store;

/**
 * Copies every table of the queue, row by row with its own ids, from one store's database into another's
 * (within the target's transaction). Tables go parents first, and files in id order, which puts a torrent
 * before its own files. Running files become paused by an interruption: their workers' leases stay behind.
 */
final class QueueCopy {

    private static final List<String> TABLES = List.of("jobs", "job_projects", "files", "segments", "extractions",
            "extracted_files", "link_probes");
    private static final int BATCH = 1000;

    private final Connection from;
    private final Connection to;

    QueueCopy(Connection from, Connection to) {
        this.from = from;
        this.to = to;
    }

    Store.Copied copy() throws SQLException {
        long jobs = 0;
        long files = 0;
        for (String table : TABLES) {
            long rows = table(table);
            jobs += table.equals("jobs") ? rows : 0;
            files += table.equals("files") ? rows : 0;
        }
        try (Statement s = to.createStatement()) {
            s.executeUpdate("UPDATE files SET state = 'paused', pause_reason = 'interrupted', lease_owner = NULL, "
                    + "lease_until = NULL, rate = NULL WHERE state IN ('running', 'verifying')");
        }
        return new Store.Copied(jobs, files);
    }

    private long table(String table) throws SQLException {
        String order = table.equals("files") || table.equals("jobs") ? " ORDER BY id" : "";
        long rows = 0;
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + order)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add("\"" + meta.getColumnName(i) + "\"");
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement ps = to.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                    if (++rows % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        return rows;
    }
}
