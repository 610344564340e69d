package org.medfetch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What status reads must not grow with the queue: no query per job or per file, and no lookup that scans a
 * table. Checked by counting statements and reading SQLite's query plans, never by timing.
 */
class StatusQueriesTest {

    @TempDir
    Path dir;

    private Store open() {
        return Store.open(dir.resolve("state.db"), new TestClock());
    }

    private static void queue(Store store, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = "d" + i;
            Job job = store.addJob(StoreTest.job(id), i % 2 == 0 ? "even" : "odd");
            FileRecord f = store.addFile(job.id(), StoreTest.file(id, "f.bin"));
            store.saveSegments(f.id(), List.of(new Segment(0, 0, 100, i % 100)));
        }
    }

    private static long statements(Store store, Runnable operation) {
        long before = store.statementsRun();
        operation.run();
        return store.statementsRun() - before;
    }

    @Test
    void jobsWithFilesTakesAFixedNumberOfQueries() {
        try (Store store = open()) {
            queue(store, 0, 10);
            long small = statements(store, () -> store.jobsWithFiles(null));
            long smallProject = statements(store, () -> store.jobsWithFiles("even"));
            queue(store, 10, 300);
            long large = statements(store, () -> store.jobsWithFiles(null));
            long largeProject = statements(store, () -> store.jobsWithFiles("even"));
            assertEquals(small, large);
            assertEquals(smallProject, largeProject);
            assertTrue(large <= 4, large + " statements");
            assertEquals(2, statements(store, () -> store.jobs(null)), "jobs() too: two queries");
        }
    }

    @Test
    void jobsWithFilesReadsWhatTheSingleQueriesRead() {
        try (Store store = open()) {
            queue(store, 0, 20);
            store.addJob(StoreTest.job("d3"), "third");
            List<JobFiles> even = store.jobsWithFiles("even");
            assertEquals(10, even.size());
            for (JobFiles j : store.jobsWithFiles(null)) {
                assertEquals(store.job(j.job().id()).orElseThrow(), j.job());
                assertEquals(store.files(j.job().id()), j.files());
                for (FileRecord f : j.files()) {
                    assertEquals(store.bytesDone(f.id()), j.bytesDone(f.id()));
                }
            }
            assertEquals(List.of("odd", "third"), store.jobByDataset("d3").orElseThrow().projects());
        }
    }

    @Test
    void noQueryOfStatusScansATable() throws Exception {
        try (Store store = open()) {
            queue(store, 0, 3);
        }
        List<String> queries = List.of(
                "SELECT project FROM job_projects WHERE job_id = 1 ORDER BY project",
                "SELECT job_id, project FROM job_projects WHERE job_id IN (SELECT job_id FROM job_projects "
                        + "WHERE project = 'even') ORDER BY project",
                "SELECT * FROM jobs WHERE id IN (SELECT job_id FROM job_projects WHERE project = 'even') ORDER BY id",
                "SELECT * FROM files WHERE job_id IN (SELECT job_id FROM job_projects WHERE project = 'even')",
                "SELECT s.file_id, SUM(s.done) FROM segments s JOIN files f ON f.id = s.file_id "
                        + "WHERE f.job_id IN (SELECT job_id FROM job_projects WHERE project = 'even') GROUP BY s.file_id");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"))) {
            for (String query : queries) {
                List<String> plan = plan(c, query);
                assertFalse(plan.stream().anyMatch(step -> step.startsWith("SCAN")),
                        query + " scans: " + plan);
            }
        }
    }

    private static List<String> plan(Connection c, String query) throws Exception {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + query); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                steps.add(rs.getString("detail"));
            }
        }
        return steps;
    }
}
