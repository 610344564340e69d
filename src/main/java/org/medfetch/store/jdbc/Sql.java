package org.medfetch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC conveniences over one connection: bind-and-run, and transactions that roll back on failure. */
public final class Sql {

    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final String begin;
    /** Statements prepared so far: lets a test see that an operation's queries do not grow with the data. */
    private long statements;

    /** @param begin the statement that opens a write transaction ({@code BEGIN IMMEDIATE} in SQLite) */
    Sql(Connection connection, String begin) {
        this.connection = connection;
        this.begin = begin;
    }

    public int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, false, args)) {
            return ps.executeUpdate();
        }
    }

    public long insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, true, args)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, false, args); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> rows = list(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs work in a transaction (in SQLite a write transaction taken up front, BEGIN IMMEDIATE, so that two
     * processes never both read-then-write the same rows; in PostgreSQL row locks do that).
     */
    public <T> T transaction(Work<T> work) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute(begin);
        }
        try {
            T result = work.run();
            try (var s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try (var s = connection.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    long statements() {
        return statements;
    }

    private PreparedStatement prepare(String sql, boolean keys, Object... args) throws SQLException {
        statements++;
        PreparedStatement ps = keys ? connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
