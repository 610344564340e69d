package org.medfetch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.it.MedfetchProcess;
import org.medfetch.it.Payloads;
import org.medfetch.store.PostgresCluster;
import org.medfetch.store.StoreAddress;

/**
 * Three workers on one PostgreSQL queue behind a throttled nginx, one of them killed -9 mid-way: the
 * others take its files over from their committed progress, every file ends byte-identical, nothing is
 * fetched twice beyond one progress batch per connection of the killed worker (counted in nginx's access
 * log), and a fourth process sees it all in status.
 */
class PostgresWorkersIT {

    private static final long MIB = 1024 * 1024;
    private static final int FILES = 16;
    private static final long SIZE = 32 * MIB;
    /** --checkpoint-every: at most this much per connection is fetched again after a kill -9. */
    private static final long BATCH = 4 * MIB;
    /** Connections a worker holds at most: --parallel 2, --connections 2. */
    private static final int CONNECTIONS = 4;

    @TempDir
    Path tmp;

    @Test
    void threeWorkersOneKilledEveryFileOnceAndWhole() throws Exception {
        PostgresCluster cluster = PostgresCluster.require();
        Tools.require("nginx", "nginx");
        StoreAddress.Postgres db = cluster.newDatabase();
        Map<String, String> env = Map.of("PGPASSWORD", cluster.password(), "MEDFETCH_STORE", cluster.url(db.database()));
        Path www = tmp.resolve("www");
        Path ws = tmp.resolve("ws");
        Path logs = tmp.resolve("logs");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            expected.add(Payloads.sha256(Payloads.random(www.resolve("f" + i + ".bin"), SIZE, 100 + i)));
        }
        Path nginxDir = tmp.resolve("nginx");
        try (Nginx nginx = new Nginx(www, nginxDir, "2m")) {
            List<String> add = new ArrayList<>(List.of("--workspace", ws.toString(), "add"));
            for (int i = 0; i < FILES; i++) {
                add.add(nginx.url("slow/f" + i + ".bin"));
            }
            MedfetchProcess.Result added = MedfetchProcess.run(logs, env, add.toArray(String[]::new));
            assertEquals(0, added.exitCode(), added.err());
            assertFalse(Files.exists(ws.resolve("downloads/.medfetch/state.db")), "the queue is in PostgreSQL");

            String[] run = {"--workspace", ws.toString(), "run", "--no-progress", "--parallel", "2", "--connections", "2",
                "--checkpoint-every", "4M"};
            Process victim = MedfetchProcess.start(logs.resolve("victim"), env, run);
            List<Process> survivors = List.of(MedfetchProcess.start(logs.resolve("a"), env, run),
                    MedfetchProcess.start(logs.resolve("b"), env, run));
            try (Connection c = cluster.connect(db.database())) {
                while (victim.isAlive() && recorded(c, victim.pid()) < 2 * MIB) {
                    Thread.sleep(50);
                }
            }
            assertTrue(victim.isAlive(), "the victim finished before it could be killed");
            victim.destroyForcibly();
            assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
            for (Process p : survivors) {
                assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a surviving worker did not finish");
                assertEquals(0, p.exitValue(), Files.readString(logs.resolve(p == survivors.get(0) ? "a" : "b")
                        .resolve("err.txt")));
            }

            MedfetchProcess.Result status = MedfetchProcess.run(logs, env, "--workspace", ws.toString(), "status", "--json");
            assertEquals(0, status.exitCode(), status.err());
            List<String> lines = status.out().lines().toList();
            assertEquals(FILES, lines.size(), status.out());
            for (String line : lines) {
                assertTrue(line.contains("\"state\":\"done\"") && line.contains("\"files_done\":1"), line);
            }
            MedfetchProcess.Result workers = MedfetchProcess.run(logs, env, "--workspace", ws.toString(), "workers",
                    "--json");
            assertEquals("", workers.out().strip(), "no live worker is left (the killed one is known dead on its host)");
        }
        for (int i = 0; i < FILES; i++) {
            assertEquals(expected.get(i), Payloads.sha256(ws.resolve("downloads/f" + i + "/f" + i + ".bin")), "f" + i);
        }
        Map<String, Long> sent = bytesSent(nginxDir.resolve("access.log"));
        long total = 0;
        for (int i = 0; i < FILES; i++) {
            long bytes = sent.getOrDefault("f" + i + ".bin", 0L);
            assertTrue(bytes >= SIZE, "f" + i + " sent " + bytes);
            total += bytes;
        }
        long waste = total - FILES * SIZE;
        assertTrue(waste <= CONNECTIONS * BATCH, "fetched again: " + waste + " bytes, more than one batch per connection "
                + "of the killed worker");
    }

    /** Bytes recorded on disk for the files the process with this pid holds. */
    private static long recorded(Connection c, long pid) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(s.done), 0) FROM segments s JOIN files f "
                + "ON f.id = s.file_id WHERE f.state = 'running' AND f.lease_owner LIKE ?")) {
            ps.setString(1, "%/" + pid + "/%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Body bytes nginx sent per file name, from its access log (combined format: status, then bytes). */
    private static Map<String, Long> bytesSent(Path log) throws Exception {
        Pattern line = Pattern.compile("\"GET /slow/([^ ]+) HTTP/[0-9.]+\" \\d{3} (\\d+)");
        Map<String, Long> sent = new HashMap<>();
        for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                sent.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            }
        }
        return sent;
    }
}
