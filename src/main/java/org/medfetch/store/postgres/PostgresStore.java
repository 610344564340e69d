package org.medfetch.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import org.medfetch.store.StoreAddress;
import org.medfetch.store.StoreException;
import org.medfetch.store.jdbc.JdbcStore;

/**
 * The queue in a PostgreSQL database, shared by workers on many machines. A claim locks the next
 * claimable file with {@code FOR UPDATE SKIP LOCKED} (a file another worker is taking at that moment is
 * passed over, not waited for) and writes the lease in the same statement. Lease times come from the
 * database's clock, never the hosts' (their clocks differ). Reference:
 * https://www.postgresql.org/docs/15/sql-select.html#SQL-FOR-UPDATE-SHARE
 */
public final class PostgresStore extends JdbcStore {

    /** The database's clock in epoch milliseconds (clock_timestamp: the time now, not the transaction's start). */
    private static final String NOW = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint";

    private final StoreAddress.Postgres address;

    private PostgresStore(Connection connection, Clock clock, StoreAddress.Postgres address) {
        super(connection, clock, "BEGIN");
        this.address = address;
    }

    /** Connects, and creates the schema or brings it up to date. */
    public static PostgresStore open(StoreAddress.Postgres address, Clock clock) {
        Properties properties = new Properties();
        properties.putAll(address.parameters());
        properties.setProperty("user", address.user());
        if (address.password() != null) {
            properties.setProperty("password", address.password());
        }
        properties.putIfAbsent("ApplicationName", "medfetch");
        properties.putIfAbsent("connectTimeout", "10");
        String url = "jdbc:postgresql://" + (address.host().contains(":") ? "[" + address.host() + "]" : address.host())
                + ":" + address.port() + "/" + address.database();
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw classify(address, e);
        }
        try {
            Migrations.apply(connection);
            return new PostgresStore(connection, clock, address);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw classify(address, e);
        }
    }

    @Override
    public String describe() {
        return "the PostgreSQL store " + address;
    }

    @Override
    protected String now() {
        return NOW;
    }

    @Override
    protected Optional<Long> take(String where, String owner, long leaseMillis) throws SQLException {
        return sql.one("UPDATE files SET state = 'running', pause_reason = NULL, lease_owner = ?, lease_until = " + NOW
                + " + ?, updated_at = ? WHERE id = (" + next(where) + ") RETURNING id", rs -> rs.getLong(1), owner,
                leaseMillis, clock.instant().toString());
    }

    /** The first claimable file that no other worker is locking at this moment, locked for this one. */
    static String next(String where) {
        return "SELECT f.id FROM files f WHERE " + where + " ORDER BY f.id LIMIT 1 FOR UPDATE SKIP LOCKED";
    }

    @Override
    protected int version() throws SQLException {
        return Migrations.version(connection);
    }

    @Override
    protected void copied() throws SQLException {
        for (String table : new String[] {"jobs", "files"}) {
            sql.one("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM "
                    + table, rs -> rs.getLong(1));
        }
    }

    @Override
    protected StoreException failure(String context, SQLException e) {
        return classify(address, e);
    }

    /**
     * What a server's answer means (SQLSTATE classes, https://www.postgresql.org/docs/15/errcodes-appendix.html):
     * 08 connection exceptions and 57P0x shutdowns are an unreachable store, 28 (authorization) and 3D000 (no
     * such database) a refusal, 53100 a full disk. Messages name the store, never its password.
     */
    private static StoreException classify(StoreAddress.Postgres address, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (address.password() != null && !address.password().isEmpty()) {
            reason = reason.replace(address.password(), "***");
        }
        if (state.equals("53100")) {
            return new StoreException("disk full: the PostgreSQL store " + address + " cannot be written (" + reason + ")",
                    e, StoreException.Kind.DISK_FULL);
        }
        if (state.startsWith("08") && !state.equals("08004") || state.startsWith("57P0")) {
            return new StoreException("cannot reach the PostgreSQL store " + address + ": " + reason, e,
                    StoreException.Kind.UNREACHABLE);
        }
        if (state.startsWith("28") || state.equals("3D000") || state.equals("08004")) {
            return new StoreException("the PostgreSQL store " + address + " refused the connection: " + reason
                    + (address.password() == null ? " (no password was found in PGPASSWORD or ~/.pgpass)" : ""), e,
                    StoreException.Kind.REFUSED);
        }
        return new StoreException("PostgreSQL store " + address + ": " + reason, e);
    }
}
