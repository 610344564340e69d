package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.Store;

/**
 * A catalog link no host claims and whose shape says nothing: the listing calls it a page until add
 * probes it; the answer is kept in state.db, and from then on the listing shows what add found.
 * Listings never create the database.
 */
class ProbeCacheCommandsTest {

    @TempDir
    Path ws;

    @Test
    void addProbesOnceAndListingsShowTheAnswerOffline() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                    .build());
            server.start();
            String link = server.url("/get/scans").toString();
            Path catalog = ws.resolve("catalog.md");
            Files.writeString(catalog, "| Dataset | Link |\n|---|---|\n| Scans | " + link + " |\n");
            Path state = ws.resolve("downloads/.medfetch/state.db");

            assertEquals("manual", listedClass(catalog));
            assertFalse(Files.exists(state), "a listing creates no database");
            CliRun add = CliRun.in(ws, "--catalog", catalog.toString(), "add", "scans");
            assertEquals(0, add.exitCode(), add.out() + add.err());
            assertEquals("http", listedClass(catalog));
            try (Store store = Store.open(state, Clock.systemUTC())) {
                assertEquals(Optional.of("file"), store.linkKind(link));
            }
            assertEquals(1, server.getRequestCount());
        }
    }

    private String listedClass(Path catalog) throws Exception {
        CliRun run = CliRun.in(ws, "--catalog", catalog.toString(), "catalog", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String line = run.lines().get(0);
        assertTrue(line.contains("\"resolver\":\"web-page\""), line);
        return new ObjectMapper().readTree(line).get("class").asText();
    }
}
