package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.e2e.LocalPorts;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.store.PostgresCluster;
import org.medfetch.store.Segment;
import org.medfetch.store.Store;
import org.medfetch.store.StoreAddress;
import org.medfetch.store.StoreContract;

/**
 * --store and MEDFETCH_STORE: which store, where its password comes from, and the one-line errors of a URL
 * that carries a password (2), a store out of reach (3) and credentials it refuses (4).
 */
class StoreOptionTest {

    @TempDir
    Path ws;

    @TempDir
    Path home;

    private CliRun medfetch(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = ws.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(env, home, all);
    }

    private static void oneLine(CliRun run) {
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aPasswordInTheUrlIsAUsageError() {
        CliRun run = medfetch(Map.of(), "--store", "postgresql://me:secret@127.0.0.1:5432/q", "status");
        assertEquals(2, run.exitCode(), run.err());
        oneLine(run);
        assertTrue(run.err().contains("PGPASSWORD") && !run.err().contains("secret"), run.err());
        CliRun query = medfetch(Map.of("MEDFETCH_STORE", "postgresql://me@127.0.0.1/q?password=secret"), "status");
        assertEquals(2, query.exitCode(), query.err());
        assertTrue(query.err().startsWith("medfetch: MEDFETCH_STORE: the store URL carries a password"), query.err());
        assertEquals(2, medfetch(Map.of(), "--store", "mysql://x/y", "status").exitCode());
    }

    @Test
    void aStoreOutOfReachIsOneLineNamingItAndRetryable() throws Exception {
        int port = LocalPorts.free();
        CliRun run = medfetch(Map.of("PGPASSWORD", "x"), "--store", "postgresql://me@127.0.0.1:" + port + "/q", "status");
        assertEquals(3, run.exitCode(), run.err());
        oneLine(run);
        assertTrue(run.err().startsWith("medfetch: cannot reach the PostgreSQL store postgresql://me@127.0.0.1:" + port
                + "/q: "), run.err());
    }

    @Test
    void refusedCredentialsAreFatalAndThePasswordFileIsRead() throws Exception {
        PostgresCluster cluster = PostgresCluster.require();
        StoreAddress.Postgres db = cluster.newDatabase();
        String url = cluster.url(db.database());
        CliRun wrong = medfetch(Map.of("PGPASSWORD", "wrong-password"), "--store", url, "status");
        assertEquals(4, wrong.exitCode(), wrong.err());
        oneLine(wrong);
        assertTrue(wrong.err().contains("refused") && wrong.err().contains(url) && !wrong.err().contains("wrong-password"),
                wrong.err());

        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "# medfetch's test cluster\nother:1:*:*:nope\n127.0.0.1:" + cluster.port() + ":"
                + db.database() + ":" + PostgresCluster.USER + ":" + cluster.password() + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        CliRun fromFile = medfetch(Map.of(), "--store", url, "status");
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun readable = medfetch(Map.of(), "--store", url, "status");
        assertEquals(4, readable.exitCode(), "a password file others may read is ignored, as libpq does");
        assertTrue(readable.err().contains("no password was found"), readable.err());
    }

    @Test
    void aSqliteQueueCopiesIntoPostgresAndIsReadFromThere() throws Exception {
        PostgresCluster cluster = PostgresCluster.require();
        StoreAddress.Postgres db = cluster.newDatabase();
        try (Store sqlite = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            for (String id : List.of("kits", "lidc")) {
                Job job = sqlite.addJob(StoreContract.job(id), "thesis");
                FileRecord f = sqlite.addFile(job.id(), StoreContract.file(id, "a.zip"));
                sqlite.saveSegments(f.id(), List.of(new Segment(0, 0, 100, 40)));
            }
            sqlite.claim("gone-worker", 30_000, java.util.Set.of());
        }
        Map<String, String> env = Map.of("PGPASSWORD", cluster.password());
        String url = cluster.url(db.database());

        CliRun copy = medfetch(env, "store", "copy", "--to", url);
        assertEquals(0, copy.exitCode(), copy.err());
        assertTrue(copy.out().startsWith("copied 2 dataset(s) and 2 file(s)"), copy.out());
        CliRun again = medfetch(env, "store", "copy", "--to", url);
        assertEquals(4, again.exitCode(), "never into a store that holds a queue: " + again.err());

        CliRun after = medfetch(Map.of("PGPASSWORD", cluster.password(), "MEDFETCH_STORE", url), "status", "--json");
        assertEquals(0, after.exitCode(), after.err());
        List<String> lines = after.out().lines().toList();
        assertEquals(2, lines.size(), after.out());
        assertTrue(lines.get(0).startsWith("{\"dataset\":\"kits\"") && lines.get(0).contains("\"state\":\"paused\"")
                && lines.get(0).contains("\"bytes_done\":40"), "the running file is resumable: " + lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"dataset\":\"lidc\"") && lines.get(1).contains("\"state\":\"queued\"")
                && lines.get(1).contains("\"projects\":[\"thesis\"]"), lines.get(1));
        try (Store pg = Store.open(db, Clock.systemUTC())) {
            Job added = pg.addJob(StoreContract.job("new"), "p");
            assertTrue(added.id() > 2, "ids continue after the copied ones");
            assertEquals(40, pg.bytesDone(pg.fileByPath("downloads/kits/a.zip").orElseThrow().id()));
        }
        CliRun workers = medfetch(Map.of("PGPASSWORD", cluster.password(), "MEDFETCH_STORE", url), "workers");
        assertEquals(0, workers.exitCode(), workers.err());
        assertTrue(workers.out().startsWith("WORKER"), workers.out());
    }
}
