package org.medfetch.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.Store;
import org.medfetch.store.StoreContract;
import org.medfetch.store.StoreException;
import org.medfetch.store.jdbc.JdbcStore;

/** The store contract on the workspace's SQLite database, and what only SQLite has (WAL, its version pragma). */
class SqliteStoreTest extends StoreContract {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("downloads/.medfetch/state.db");
    }

    @Override
    protected Store open() {
        return SqliteStore.open(db(), clock);
    }

    @Override
    protected void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    protected long now() {
        return clock.millis();
    }

    /** Steps of SQLite's plan that scan a table or a whole index; the claim's partial index holds only unfinished files. */
    @Override
    protected List<String> scans(String query) throws Exception {
        List<String> steps = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + query); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String step = rs.getString("detail");
                if (step.startsWith("SCAN") && !step.contains("INDEX files_unfinished")) {
                    steps.add(step);
                }
            }
        }
        return steps;
    }

    @Test
    void migratesAnEmptyWorkspaceIntoAWalDatabase() throws Exception {
        try (Store store = open()) {
            assertEquals(Migrations.latest(), store.schemaVersion());
        }
        assertTrue(Files.exists(db()));
        try (Store again = open()) {
            assertEquals(Migrations.latest(), again.schemaVersion());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db());
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void refusesADatabaseFromANewerMedfetch() throws Exception {
        Files.createDirectories(db().getParent());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
            c.createStatement().execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, this::open);
        assertTrue(e.getMessage().contains("newer than this medfetch understands"), e.getMessage());
    }

    @Test
    void aClaimReadsOnlyTheUnfinishedFilesAndLooksJobsUpByKey() throws Exception {
        open().close();
        List<String> plan = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + SqliteStore.next(JdbcStore.claimable(
                     List.of("host/1/2/u"), java.util.Set.of(7L), "5"))); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.add(rs.getString("detail"));
            }
        }
        assertTrue(plan.get(0).contains("files_unfinished"), plan.toString());
        assertTrue(plan.stream().noneMatch(step -> step.startsWith("SCAN") && !step.contains("files_unfinished")),
                plan.toString());
    }

    @Test
    void bothStoresKnowTheSameMigrations() {
        assertEquals(Migrations.latest(), org.medfetch.store.postgres.Migrations.latest());
    }
}
