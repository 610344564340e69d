package org.medfetch.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medfetch.store.PostgresCluster;
import org.medfetch.store.Store;
import org.medfetch.store.StoreAddress;
import org.medfetch.store.StoreContract;
import org.medfetch.store.StoreException;

/**
 * The store contract on a real PostgreSQL (a private cluster, a database per test), and what only it has:
 * the version table and the database's clock. Time passes for the leases by moving the stored times back.
 */
class PostgresStoreTest extends StoreContract {

    private PostgresCluster cluster;
    private StoreAddress.Postgres address;

    @BeforeEach
    void database() {
        cluster = PostgresCluster.require();
        address = cluster.newDatabase();
    }

    @Override
    protected Store open() {
        return PostgresStore.open(address, clock);
    }

    @Override
    protected void advance(Duration d) throws SQLException {
        long ms = d.toMillis();
        try (Connection c = cluster.connect(address.database()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE files SET lease_until = lease_until - " + ms + ", next_attempt_at = next_attempt_at - "
                    + ms);
            s.executeUpdate("UPDATE workers SET lease_until = lease_until - " + ms);
        }
        clock.advance(d);
    }

    @Override
    protected long now() throws SQLException {
        try (Connection c = cluster.connect(address.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Sequential scans in PostgreSQL's plan with sequential scans made as dear as possible: what remains is
     * a query no index can serve (on tables this small the planner would scan anyway).
     */
    @Override
    protected List<String> scans(String query) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection c = cluster.connect(address.database()); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                while (rs.next()) {
                    if (rs.getString(1).contains("Seq Scan")) {
                        steps.add(rs.getString(1).strip());
                    }
                }
            }
        }
        return steps;
    }

    @Test
    void aClaimReadsOnlyTheUnfinishedFilesOfALongQueue() throws SQLException {
        open().close();
        List<String> plan = new ArrayList<>();
        try (Connection c = cluster.connect(address.database()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO jobs (dataset_id, name, target, state, created_at, updated_at) VALUES "
                    + "('d', 'd', 'd', 'active', 'now', 'now')");
            s.execute("INSERT INTO files (job_id, kind, url, path, state, updated_at) SELECT 1, 'http', 'u', 'p' || i, "
                    + "CASE WHEN i > 19990 THEN 'queued' ELSE 'done' END, 'now' FROM generate_series(1, 20000) i");
            s.execute("ANALYZE");
            try (ResultSet rs = s.executeQuery("EXPLAIN " + PostgresStore.next(org.medfetch.store.jdbc.JdbcStore.claimable(
                    List.of("host/1/2/u"), java.util.Set.of(7L), "5")))) {
                while (rs.next()) {
                    plan.add(rs.getString(1).strip());
                }
            }
        }
        assertTrue(plan.stream().anyMatch(step -> step.contains("files_unfinished")), String.join("\n", plan));
        assertTrue(plan.stream().noneMatch(step -> step.contains("Seq Scan on files")), String.join("\n", plan));
    }

    @Test
    void theSchemaVersionIsKeptInItsTable() throws SQLException {
        try (Store store = open()) {
            assertEquals(Migrations.latest(), store.schemaVersion());
        }
        try (Connection c = cluster.connect(address.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM medfetch_schema")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals(Migrations.latest(), rs.getInt(2));
        }
    }

    @Test
    void refusesADatabaseFromANewerMedfetch() throws SQLException {
        open().close();
        try (Connection c = cluster.connect(address.database()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE medfetch_schema SET version = 99");
        }
        StoreException e = assertThrows(StoreException.class, this::open);
        assertTrue(e.getMessage().contains("newer than this medfetch understands"), e.getMessage());
    }

    @Test
    void aWrongPasswordIsARefusalAndNoServerIsUnreachableBothNamingTheStore() {
        StoreAddress.Postgres wrong = new StoreAddress.Postgres("127.0.0.1", cluster.port(), address.database(),
                address.user(), java.util.Map.of(), "not-the-password");
        StoreException refused = assertThrows(StoreException.class, () -> PostgresStore.open(wrong, clock));
        assertEquals(StoreException.Kind.REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains(wrong.toString()), refused.getMessage());
        assertTrue(!refused.getMessage().contains("not-the-password"), refused.getMessage());
        StoreAddress.Postgres nobody = new StoreAddress.Postgres("127.0.0.1", 1, "db", "u", java.util.Map.of(), null);
        StoreException unreachable = assertThrows(StoreException.class, () -> PostgresStore.open(nobody, clock));
        assertEquals(StoreException.Kind.UNREACHABLE, unreachable.kind());
        assertTrue(unreachable.getMessage().startsWith("cannot reach the PostgreSQL store postgresql://u@127.0.0.1:1/db"),
                unreachable.getMessage());
    }

    @Test
    void aServerThatDropsTheConnectionIsAnUnreachableStoreNotABug() throws SQLException {
        try (Store store = open()) {
            store.addJob(job("d"), "p");
            try (Connection c = cluster.connect(address.database()); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + address.database() + "' AND pid <> pg_backend_pid()");
            }
            StoreException lost = assertThrows(StoreException.class, () -> store.jobs(null));
            assertEquals(StoreException.Kind.UNREACHABLE, lost.kind(), lost.getMessage());
            assertTrue(lost.retryable());
            StoreException still = assertThrows(StoreException.class, () -> store.claim("me", 30_000, java.util.Set.of()));
            assertEquals(StoreException.Kind.UNREACHABLE, still.kind(), still.getMessage());
        }
    }
}
