package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.cli.CliRun;

/**
 * Hostile .torrent files behind URLs (read only when a run fetches them) queued before a good torrent:
 * each ends as its own fatal failure with a clear message, and the good one downloads from a loopback
 * seeder in the same run. Before, the nested one made every run die of a StackOverflowError.
 */
class HostileQueueTest {

    private static final Map<String, String> LOOPBACK = Map.of("MEDFETCH_BT_BIND", "127.0.0.1");

    /** Hand-written bencode: what no torrent maker would write. */
    private static final Map<String, String> HOSTILE = Map.of(
            "/deep.torrent", "d4:info" + "l".repeat(100_000) + "e".repeat(100_000) + "e",
            "/clash.torrent", "d4:infod5:filesld6:lengthi10e4:pathl1:aeed6:lengthi10e4:pathl1:a1:beee"
                    + "4:name5:clash12:piece lengthi16384e6:pieces20:PPPPPPPPPPPPPPPPPPPPee",
            "/huge.torrent", "d4:infod6:lengthi4611686018427387904e4:name4:huge12:piece lengthi16384e"
                    + "6:pieces20:PPPPPPPPPPPPPPPPPPPPee");

    @TempDir
    Path dir;

    @Test
    void hostileTorrentUrlsAreRefusedAtAddOneByOneAndNothingIsQueued() throws Exception {
        try (MockWebServer server = hostileServer(new AtomicBoolean(true))) {
            Path ws = dir.resolve("ws");
            Map<String, String> reasons = Map.of(
                    "/deep.torrent", "deep.torrent is not a valid .torrent file (it nests values more than 64 levels deep)",
                    "/clash.torrent", "the torrent lists 'clash/a' both as a file and as a folder",
                    "/huge.torrent", "huge.torrent is not a valid .torrent file (it claims 4611686018427387904 bytes in "
                            + "pieces of 16384, which is 281474976710656 pieces, but it has 1 piece hashes)");
            for (Map.Entry<String, String> hostile : reasons.entrySet()) {
                CliRun add = medfetch(ws, "add", server.url(hostile.getKey()).toString());
                assertEquals(4, add.exitCode(), add.err());
                assertTrue(add.err().contains(hostile.getValue()), add.err());
                assertFalse(add.err().contains("java.lang") || add.err().contains("internal error"), add.err());
            }
            assertEquals("", medfetch(ws, "status", "--json").out().strip(), "nothing was queued");
            assertFalse(Files.exists(ws.resolve("downloads/clash")), "nothing written for the clashing torrent");
        }
    }

    @Test
    void hostileTorrentsFetchedOnlyAtRunFailOneByOneAndTheGoodOneStillDownloads() throws Exception {
        AtomicBoolean serving = new AtomicBoolean(false);
        try (MockWebServer server = hostileServer(serving);
             LoopbackSwarm swarm = LoopbackSwarm.standard(dir.resolve("swarm"))) {
            LoopbackSwarm.Seeder seeder = swarm.seed();
            Path good = swarm.writeTorrent(dir.resolve("study.torrent"));
            Path ws = dir.resolve("ws");
            // unreachable at add (503): queued as they are, left to the run
            for (String path : List.of("/deep.torrent", "/clash.torrent", "/huge.torrent")) {
                CliRun add = medfetch(ws, "add", server.url(path).toString());
                assertEquals(0, add.exitCode(), add.err());
            }
            assertEquals(0, medfetch(ws, "add", good.toString(), "--peer", seeder.peer()).exitCode());
            serving.set(true);

            CliRun run = medfetch(ws, "run", "--parallel", "1", "--no-progress");

            assertEquals(4, run.exitCode(), run.out() + run.err());
            for (String relative : List.of("scans/a.nii.gz", "scans/b.nii.gz", "notes/readme.txt")) {
                assertEquals(-1, Files.mismatch(swarm.payload(relative), ws.resolve("downloads/study/study/" + relative)),
                        relative);
            }
            String status = medfetch(ws, "status", "--json").out();
            assertTrue(status.contains("deep.torrent is not a valid .torrent file (it nests values more than 64 "
                    + "levels deep)"), status);
            assertTrue(status.contains("the torrent lists 'clash/a' both as a file and as a folder"), status);
            assertTrue(status.contains("huge.torrent is not a valid .torrent file (it claims 4611686018427387904 "
                    + "bytes in pieces of 16384, which is 281474976710656 pieces, but it has 1 piece hashes)"), status);
            assertFalse(status.contains("internal error") || run.err().contains("java.lang"), status + run.err());
            assertFalse(Files.exists(ws.resolve("downloads/clash")), "nothing written for the clashing torrent");
        }
    }

    /** Serves the hostile torrents while {@code serving}, else answers 503 (a server that is down for now). */
    private static MockWebServer hostileServer(AtomicBoolean serving) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = HOSTILE.get(request.getUrl().encodedPath());
                if (body == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                if (!serving.get()) {
                    return new MockResponse.Builder().code(503).build();
                }
                return new MockResponse.Builder().body(new okio.Buffer().write(body.getBytes(
                        StandardCharsets.ISO_8859_1))).build();
            }
        });
        server.start();
        return server;
    }

    private static CliRun medfetch(Path workspace, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = workspace.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(LOOPBACK, Path.of("no-home"), all);
    }
}
