package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.PostgresCluster;
import org.medfetch.store.Segment;
import org.medfetch.store.Store;
import org.medfetch.store.StoreAddress;
import org.medfetch.store.StoreProbe;
import org.medfetch.store.TestClock;

/** status reads the queue in a fixed number of queries, and says when a retrying file may run again. */
class QueueStatusTest {

    @TempDir
    Path root;

    private final TestClock clock = new TestClock();

    private static <T> Supplier<T> unused(String what) {
        return () -> {
            throw new AssertionError("status needs no " + what);
        };
    }

    private static <A, T> Function<A, T> unusedFrom(String what) {
        return from -> {
            throw new AssertionError("status needs no " + what);
        };
    }

    private Workspace workspace() {
        return workspace(null);
    }

    private Workspace workspace(StoreAddress store) {
        return new Workspace(root, new Workspace.Parts(unused("catalog"), unusedFrom("resolvers"),
                unusedFrom("mirrors"), unused("notes"), unusedFrom("transfers"), unused("link probe"),
                unused("DOI metadata"), folder -> {
                    throw new AssertionError("status needs no free space");
                }, unused("http")), clock, store == null ? null : () -> store);
    }

    private static FileRecord queue(Store store, int i) {
        Job job = store.addJob(new NewJob("d" + i, "D" + i, "d" + i, null, "direct", "http", "url", null,
                JobState.ACTIVE, null, null, null), "p");
        FileRecord f = store.addFile(job.id(), new NewFile("http", "http://127.0.0.1:9/" + i, "downloads/d" + i + "/f",
                100L, null, null, null));
        store.saveSegments(f.id(), List.of(new Segment(0, 0, 100, 40)));
        return f;
    }

    private static long statements(Workspace ws, String project) {
        long before = StoreProbe.statements(ws.store());
        new QueueStatus(ws).jobs(project);
        return StoreProbe.statements(ws.store()) - before;
    }

    @Test
    void theQueriesDoNotGrowWithTheQueue() {
        queriesDoNotGrow(workspace());
    }

    @Test
    void theQueriesDoNotGrowWithAPostgresQueueEither() {
        queriesDoNotGrow(workspace(PostgresCluster.require().newDatabase()));
    }

    private static void queriesDoNotGrow(Workspace workspace) {
        try (Workspace ws = workspace) {
            for (int i = 0; i < 5; i++) {
                queue(ws.store(), i);
            }
            long few = statements(ws, null);
            for (int i = 5; i < 300; i++) {
                queue(ws.store(), i);
            }
            assertEquals(few, statements(ws, null));
            assertEquals(few, statements(ws, "p"));
            JobSummary last = new QueueStatus(ws).jobs("p").get(299);
            assertEquals("d299", last.job().datasetId());
            assertEquals(40, last.bytesDone());
        }
    }

    @Test
    void aRetryingFileSaysWhenItMayRunAgain() {
        try (Workspace ws = workspace()) {
            FileRecord f = queue(ws.store(), 1);
            Instant at = clock.instant().plus(Duration.ofDays(1));
            ws.store().fail(f.id(), FileState.RETRYING, "HTTP_STATUS", "server busy", at.toEpochMilli());
            assertEquals(at, new QueueStatus(ws).jobs(null).get(0).retryAt());
            clock.advance(Duration.ofDays(2));
            assertNull(new QueueStatus(ws).jobs(null).get(0).retryAt(), "a time that has passed is no wait");
        }
    }
}
